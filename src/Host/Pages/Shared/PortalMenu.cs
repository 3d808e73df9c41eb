namespace Hamta.Host.Pages.Shared;

/// <summary>A link of the portal's header or side menu, with the links shown under it.</summary>
public sealed record MenuItem(string Slug, string TextKey, IReadOnlyList<MenuItem>? Children = null)
{
    public string Path => "/" + Slug;
}

/// <summary>The seed's header links and side menu, in the seed's order.</summary>
public static class PortalMenu
{
    public static readonly IReadOnlyList<MenuItem> Header =
    [
        new("messages", "Header_Messages"),
        new("education", "Header_Education"),
        new("contact", "Header_Contact"),
        new("about", "Header_About"),
        new("help", "Header_Help"),
    ];

    public static readonly IReadOnlyList<MenuItem> Side =
    [
        new("devices", "Menu_Devices", [new("devices/add", "Menu_AddDevice")]),
        new("sims", "Menu_Sims"),
        new("activation", "Menu_Activation"),
        new("inquiry", "Menu_Inquiry"),
        new("imei-status", "Menu_ImeiStatus"),
        new("transfers", "Menu_Transfers"),
        new("traveller", "Menu_Traveller"),
        new("repair", "Menu_Repair"),
        new("account", "Menu_Account"),
        new("tickets", "Menu_Tickets"),
    ];

    /// <summary>What a visitor who has not signed in can open: the inquiry and the information pages.</summary>
    public static readonly IReadOnlyList<MenuItem> Public =
    [
        new("inquiry", "Menu_Inquiry"),
        .. Header.Where(item => item.Slug != "messages"),
    ];
}
