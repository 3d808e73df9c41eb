using Hamta.Devices.Contracts;
using Hamta.Devices.Declaring;
using Hamta.Devices.Registry;
using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Text;
using nietras.SeparatedValues;

namespace Hamta.Devices.Importing;

/// <summary>A line of a declarations file that cannot be imported: where, which field, and why.</summary>
public sealed record LineProblem(int Line, string Field, string Problem)
{
    public override string ToString() => $"line {Line}: {Field}: {Problem}";
}

/// <summary>One line of a declarations file turned into a declaration, or the reason it cannot be.</summary>
public sealed record DeclarationLine(int Line, DeclareDevice? Declaration, LineProblem? Problem)
{
    public static DeclarationLine Refused(int line, string field, string problem) => new(line, null, new LineProblem(line, field, problem));
}

/// <summary>
/// Reads importers' and customs' declaration files (RFC 4180 CSV, UTF-8): a header line, then
/// <c>imei1,imei2,brand,model,import_type,importer,activation_code,traveller_national_id,traveller_sim,fee_paid</c>.
/// <c>import_type</c> is <c>commercial</c> or <c>traveller</c>; the traveller columns are for traveller rows only.
/// </summary>
public static class DeclarationCsv
{
    public const string Header = "imei1,imei2,brand,model,import_type,importer,activation_code,traveller_national_id,traveller_sim,fee_paid";
    private static readonly string[] Columns = Header.Split(',');
    private static readonly int[] RequiredText = [2, 3, 5];

    public static IEnumerable<DeclarationLine> Read(TextReader text, DateTimeOffset registeredAt)
    {
        using var reader = Sep.New(',').Reader(options => options with
        {
            HasHeader = false, DisableColCountCheck = true, Unescape = true, Trim = SepTrim.All,
        }).From(text);
        var header = true;
        var line = 0;
        foreach (var row in reader)
        {
            line++;
            if (header)
            {
                header = false;
                if (!Cells(row).Select(name => name.TrimStart('\uFEFF').ToLowerInvariant()).SequenceEqual(Columns))
                {
                    yield return DeclarationLine.Refused(line, "header", $"the first line must be the header: {Header}");
                    yield break;
                }

                continue;
            }

            if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
            {
                continue;
            }

            if (row.ColCount != Columns.Length)
            {
                yield return DeclarationLine.Refused(line, "line", $"expected {Columns.Length} columns, found {row.ColCount}");
                continue;
            }

            yield return Parse(line, Cells(row), registeredAt);
        }
    }

    private static string[] Cells(SepReader.Row row)
    {
        var cells = new string[row.ColCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = row[i].ToString();
        }

        return cells;
    }

    private static DeclarationLine Parse(int line, string[] cells, DateTimeOffset registeredAt)
    {
        var imeis = new List<string>();
        for (var slot = 0; slot < 2; slot++)
        {
            if (cells[slot].Length == 0)
            {
                if (slot == 0)
                {
                    return DeclarationLine.Refused(line, Columns[slot], "missing");
                }

                continue;
            }

            if (Imei.Check(cells[slot], out var imei) != ImeiProblem.None)
            {
                return DeclarationLine.Refused(line, Columns[slot], $"invalid IMEI '{cells[slot]}'");
            }

            if (imeis.Contains(imei))
            {
                return DeclarationLine.Refused(line, Columns[slot], "the same IMEI as imei1");
            }

            imeis.Add(imei);
        }

        if (RequiredText.FirstOrDefault(field => cells[field].Length == 0) is var missing and > 0)
        {
            return DeclarationLine.Refused(line, Columns[missing], "missing");
        }

        if (!Enum.TryParse<ImportType>(cells[4], ignoreCase: true, out var importType) || importType is not (ImportType.Commercial or ImportType.Traveller))
        {
            return DeclarationLine.Refused(line, Columns[4], $"must be commercial or traveller, not '{cells[4]}'");
        }

        var code = cells[6].Length == 0 ? null : DigitNormalizer.Normalize(cells[6]);
        if (code is not null && !ActivationCodes.IsWellFormed(code))
        {
            return DeclarationLine.Refused(line, Columns[6], "must be six digits, not starting with 0");
        }

        TravellerDeclaration? traveller = null;
        if (importType == ImportType.Traveller)
        {
            if (!NationalId.TryNormalize(cells[7], out var nationalId))
            {
                return DeclarationLine.Refused(line, Columns[7], "a traveller row needs a valid national ID");
            }

            if (!MobileNumber.TryNormalize(cells[8], out var sim))
            {
                return DeclarationLine.Refused(line, Columns[8], "a traveller row needs a valid mobile number");
            }

            traveller = new TravellerDeclaration(nationalId, sim, IsYes(cells[9]), registeredAt);
        }

        var declaration = new DeclareDevice(imeis, cells[2], cells[3], importType, cells[5], code, traveller);
        return DeclarationRules.Refusal(declaration) is { } refusal
            ? DeclarationLine.Refused(line, "line", refusal.Outcome.ToString())
            : new DeclarationLine(line, declaration, null);
    }

    private static bool IsYes(string cell) => cell.ToLowerInvariant() is "yes" or "true" or "1";
}
