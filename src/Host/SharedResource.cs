namespace Hamta.Host;

/// <summary>The anchor for the portal's texts in Resources/SharedResource*.resx.</summary>
public sealed class SharedResource;
