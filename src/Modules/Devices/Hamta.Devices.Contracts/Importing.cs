namespace Hamta.Devices.Contracts;

/// <summary>The declarations file's first line: its columns, in order (ADR 17).</summary>
public static class DeclarationsFile
{
    public const string Header = "imei1,imei2,brand,model,import_type,importer,activation_code,traveller_national_id,traveller_sim,fee_paid";
}

/// <summary>
/// What an import of a declarations file (known by its SHA-256 as <paramref name="FileId"/>) did: devices imported, the lines refused, and the customs activation codes the
/// caller must send by SMS (secrets: never shown again in the portal).
/// </summary>
public sealed record DeclarationsImported(Guid FileId, bool AlreadyImported, int Imported, IReadOnlyList<DeclarationProblem> Problems, IReadOnlyList<CustomsCodeSms> Codes);

/// <summary>A refused line: where, which column, the reason (a <c>LineRefusal</c> name) with the value it concerns, and the reason as the command line prints it.</summary>
public sealed record DeclarationProblem(int Line, string Field, string Refusal, string? Detail, string Problem)
{
    public override string ToString() => $"line {Line}: {Field}: {Problem}";
}

public sealed record CustomsCodeSms(string Mobile, string Text);

/// <summary>Imports a declarations file as one batch (ADR 17); the command line uses it.</summary>
public interface IDeclarationsImport
{
    Task<DeclarationsImported> ImportAsync(Stream file, string fileName, string by, CancellationToken cancellation);
}

/// <summary>The registry's table of held IMEIs: a unique violation on it is a second claim on an IMEI that lost a race.</summary>
public static class HeldImeis
{
    public const string Table = "imeis";
}
