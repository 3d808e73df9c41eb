namespace Hamta.Host.Pages.Shared;

/// <summary>A link of the portal's header or side menu; <see cref="Ready"/> is false until its feature ships.</summary>
public sealed record MenuItem(string Slug, string TextKey, bool Ready)
{
    public string Path => "/" + Slug;
}

/// <summary>The seed's header links and side menu, in the seed's order.</summary>
public static class PortalMenu
{
    public static readonly IReadOnlyList<MenuItem> Header =
    [
        new("messages", "Header_Messages", Ready: true),
        new("education", "Header_Education", Ready: false),
        new("contact", "Header_Contact", Ready: false),
        new("about", "Header_About", Ready: false),
        new("help", "Header_Help", Ready: false),
    ];

    public static readonly IReadOnlyList<MenuItem> Side =
    [
        new("devices", "Menu_Devices", Ready: true),
        new("sims", "Menu_Sims", Ready: true),
        new("activation", "Menu_Activation", Ready: true),
        new("inquiry", "Menu_Inquiry", Ready: true),
        new("imei-status", "Menu_ImeiStatus", Ready: true),
        new("transfers", "Menu_Transfers", Ready: true),
        new("traveller", "Menu_Traveller", Ready: true),
        new("repair", "Menu_Repair", Ready: true),
        new("account", "Menu_Account", Ready: true),
        new("tickets", "Menu_Tickets", Ready: true),
    ];

    public static MenuItem? Pending(string slug) =>
        Header.Concat(Side).FirstOrDefault(item => !item.Ready && string.Equals(item.Slug, slug, StringComparison.OrdinalIgnoreCase));
}
