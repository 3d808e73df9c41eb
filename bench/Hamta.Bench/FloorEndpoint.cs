using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Hamta.Bench;

/// <summary>
/// The framework's floor for a ticket submission: a bare ASP.NET Core endpoint in the bench's own process that takes the
/// same form post and writes the same rows as the portal — the ticket's stream, its opening event, its document and
/// the SMS record — with Npgsql in one transaction, into bare tables of the same shape (without Marten's indexes on
/// the document). No sign-in, antiforgery, validation, Razor, Marten or Wolverine: what any web stack on this
/// machine pays at least for that post.
/// </summary>
public sealed class FloorEndpoint : IAsyncDisposable
{
    public const string Path = "/floor/tickets";

    private readonly WebApplication app;
    private readonly NpgsqlDataSource dataSource;

    private FloorEndpoint(WebApplication app, NpgsqlDataSource dataSource) => (this.app, this.dataSource) = (app, dataSource);

    /// <summary>Starts the endpoint on a free port of 127.0.0.1.</summary>
    public static async Task<FloorEndpoint> StartAsync(Database database)
    {
        await database.ExecuteAsync("""
            create table if not exists bench_base.tickets (id uuid primary key, data jsonb not null, mt_version int not null,
                                                           mt_dotnet_type varchar, mt_last_modified timestamptz default now());
            create table if not exists bench_base.sms (id uuid primary key, data jsonb not null, mt_version uuid not null,
                                                       mt_dotnet_type varchar, mt_last_modified timestamptz default now());
            """);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        app.MapPost(Path, async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var id = Guid.CreateVersion7();
            var ticket = JsonSerializer.Serialize(new
            {
                Id = id, Subject = 8, Status = 0, Description = form["Description"].ToString(), SubscriberSim = form["Mobile"].ToString(),
                OpenedAt = DateTimeOffset.UtcNow, IsOpen = true, Timeline = new[] { new { At = DateTimeOffset.UtcNow, Status = 0 } },
            });
            var sms = JsonSerializer.Serialize(new { Id = Guid.CreateVersion7(), To = form["Mobile"].ToString(), Text = "تیکت شما ثبت شد.", At = DateTimeOffset.UtcNow });
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var batch = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    Command("insert into bench_base.streams (id, type, version) values ($1, 'ticket', 1)", id),
                    Command("insert into bench_base.events (id, stream_id, version, data, type) values ($1, $2, 1, $3::jsonb, 'ticket_opened')", Guid.CreateVersion7(), id, ticket),
                    Command("insert into bench_base.tickets (id, data, mt_version, mt_dotnet_type) values ($1, $2::jsonb, 1, 'Ticket')", id, ticket),
                    Command("insert into bench_base.sms (id, data, mt_version, mt_dotnet_type) values ($1, $2::jsonb, $3, 'SmsMessage')", Guid.CreateVersion7(), sms, Guid.NewGuid()),
                },
            };
            await batch.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            return Results.Redirect($"/tickets/{id}?created=true");
        });
        await app.StartAsync();
        return new FloorEndpoint(app, dataSource);
    }

    /// <summary>A client of the floor, one connection like a browser's.</summary>
    public HttpClient Client() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 1 }) { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Posts the ticket form as the portal's load does; true when the floor redirected to the new ticket.</summary>
    public static async Task<bool> SubmitAsync(HttpClient client, string mobile, string description, CancellationToken cancellation)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["subject"] = "Other", ["Description"] = description, ["Mobile"] = mobile });
        using var response = await client.PostAsync(Path, content, cancellation);
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await dataSource.DisposeAsync();
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
