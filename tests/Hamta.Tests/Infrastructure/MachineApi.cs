using System.Text.Json;
using Alba;
using Microsoft.AspNetCore.Http;

namespace Hamta.Tests.Infrastructure;

/// <summary>The answer of a machine API (operators, SMS/USSD gateways): its status, its JSON body and its headers.</summary>
public sealed record MachineAnswer(int Status, JsonElement Body, IHeaderDictionary Headers);

public static class MachineApi
{
    /// <summary>
    /// Posts as a machine caller would: <paramref name="body"/> as JSON, or <paramref name="raw"/> text sent as JSON
    /// (malformed on purpose), with the caller's key in <paramref name="keyHeader"/> when one is given.
    /// </summary>
    public static async Task<MachineAnswer> PostAsync(IAlbaHost host, string path, string keyHeader, string? key, object? body, string? raw = null)
    {
        var result = await host.Scenario(s =>
        {
            if (raw is null)
            {
                s.Post.Json(body!).ToUrl(path);
            }
            else
            {
                s.Post.Text(raw).ToUrl(path);
                s.WithRequestHeader("Content-Type", "application/json");
            }

            if (key is not null)
            {
                s.WithRequestHeader(keyHeader, key);
            }

            s.IgnoreStatusCode();
        });
        return new MachineAnswer(result.Context.Response.StatusCode, await result.ReadAsJsonAsync<JsonElement>(), result.Context.Response.Headers);
    }
}
