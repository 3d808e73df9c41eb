using Hamta.Devices.Contracts;
using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Text;

namespace Hamta.Devices.Importing;

/// <summary>One line of a declarations file turned into a declaration, or the reason it cannot be.</summary>
public sealed record DeclarationLine(int LineNumber, DeclareDevice? Declaration, string? Problem);

/// <summary>
/// Reads importers' and customs' declaration files: a header line, then
/// <c>imei1,imei2,brand,model,import_type,importer,activation_code,traveller_national_id,traveller_sim,fee_paid</c>.
/// <c>import_type</c> is <c>commercial</c> or <c>traveller</c>; the traveller columns are for traveller rows only.
/// </summary>
public static class DeclarationCsv
{
    public const string Header = "imei1,imei2,brand,model,import_type,importer,activation_code,traveller_national_id,traveller_sim,fee_paid";
    private const int Columns = 10;

    public static IEnumerable<DeclarationLine> Read(TextReader reader, DateTimeOffset registeredAt)
    {
        var lineNumber = 1;
        var header = reader.ReadLine();
        if (header is null || !string.Equals(header.Trim().TrimStart('\uFEFF'), Header, StringComparison.OrdinalIgnoreCase))
        {
            yield return new DeclarationLine(lineNumber, null, $"the first line must be the header: {Header}");
            yield break;
        }

        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length > 0)
            {
                yield return Parse(lineNumber, line, registeredAt);
            }
        }
    }

    private static DeclarationLine Parse(int lineNumber, string line, DateTimeOffset registeredAt)
    {
        var cells = line.Split(',').Select(cell => cell.Trim()).ToArray();
        if (cells.Length != Columns)
        {
            return new DeclarationLine(lineNumber, null, $"expected {Columns} columns, found {cells.Length}");
        }

        var imeis = new List<string>();
        foreach (var cell in cells[..2].Where(cell => cell.Length > 0))
        {
            if (Imei.Check(cell, out var imei) != ImeiProblem.None)
            {
                return new DeclarationLine(lineNumber, null, $"invalid IMEI '{cell}'");
            }

            imeis.Add(imei);
        }

        if (!Enum.TryParse<ImportType>(cells[4], ignoreCase: true, out var importType))
        {
            return new DeclarationLine(lineNumber, null, $"import_type must be commercial or traveller, not '{cells[4]}'");
        }

        var code = cells[6].Length == 0 ? null : DigitNormalizer.Normalize(cells[6]);
        TravellerDeclaration? traveller = null;
        if (importType == ImportType.Traveller)
        {
            if (!NationalId.TryNormalize(cells[7], out var nationalId) || !MobileNumber.TryNormalize(cells[8], out var sim))
            {
                return new DeclarationLine(lineNumber, null, "a traveller row needs a valid traveller_national_id and traveller_sim");
            }

            traveller = new TravellerDeclaration(nationalId, sim, IsYes(cells[9]), registeredAt);
        }

        return new DeclarationLine(lineNumber, new DeclareDevice(imeis, cells[2], cells[3], importType, cells[5], code, traveller), null);
    }

    private static bool IsYes(string cell) => cell.ToLowerInvariant() is "yes" or "true" or "1";
}
