using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Hamta.Host.Identity;

/// <summary>A data-protection key as the database keeps it, so every node reads the same cookies and forms.</summary>
public sealed record DataProtectionKey(string Id, string Xml);

/// <summary>
/// The key ring in PostgreSQL: any node can decrypt what another node protected. The interface is
/// synchronous and called rarely (the ring is cached), so it blocks on Marten's asynchronous API.
/// </summary>
public sealed class MartenXmlRepository(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store.QuerySession();
        var keys = session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult();
        return keys.Select(key => XElement.Parse(key.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}

public static class DataProtectionRegistration
{
    public static void AddHamtaDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Hamta");
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<IDocumentStore>((options, store) => options.XmlRepository = new MartenXmlRepository(store));
    }
}
