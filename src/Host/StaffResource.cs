namespace Hamta.Host;

/// <summary>The anchor for the staff desk's texts in Resources/StaffResource*.resx.</summary>
public sealed class StaffResource;
