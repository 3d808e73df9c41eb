using Hamta.Devices.Contracts;
using Hamta.Devices.Declaring;
using Hamta.Devices.Registry;
using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Text;
using nietras.SeparatedValues;

namespace Hamta.Devices.Importing;

/// <summary>Why a line of a declarations file is not imported.</summary>
public enum LineRefusal
{
    NoHeader,
    WrongColumnCount,
    Missing,
    InvalidImei,
    SameImeiTwice,
    UnknownImportType,
    InvalidActivationCode,
    InvalidNationalId,
    InvalidMobile,
    TooManyImeis,
    TravellerDetailsOnCommercialImport,
    RepeatedInFile,
    ImeiAlreadyRegistered,
    TravellerRepeatedInFile,
    TravellerDeclaredThisYear,
}

/// <summary>
/// A line of a declarations file that cannot be imported: where, which column, why, and the value or line the
/// reason refers to (an IMEI, an earlier line's number, a column count). The command line prints <see cref="Problem"/>;
/// the portal shows the refusal in Persian.
/// </summary>
public sealed record LineProblem(int Line, string Field, LineRefusal Refusal, string? Detail = null)
{
    public string Problem => Refusal switch
    {
        LineRefusal.NoHeader => $"the first line must be the header: {DeclarationCsv.Header}",
        LineRefusal.WrongColumnCount => $"expected {DeclarationCsv.ColumnCount} columns, found {Detail}",
        LineRefusal.Missing => "missing",
        LineRefusal.InvalidImei => $"invalid IMEI '{Detail}'",
        LineRefusal.SameImeiTwice => "the same IMEI as imei1",
        LineRefusal.UnknownImportType => $"must be commercial or traveller, not '{Detail}'",
        LineRefusal.InvalidActivationCode => "must be six digits, not starting with 0",
        LineRefusal.InvalidNationalId => "a traveller row needs a valid national ID",
        LineRefusal.InvalidMobile => "a traveller row needs a valid mobile number",
        LineRefusal.TooManyImeis => $"at most {DeclarationRules.MaxImeis} IMEIs a device",
        LineRefusal.TravellerDetailsOnCommercialImport => "traveller columns are for traveller rows only",
        LineRefusal.RepeatedInFile => $"already declared on line {Detail}",
        LineRefusal.ImeiAlreadyRegistered => $"IMEI {Detail} is already registered",
        LineRefusal.TravellerRepeatedInFile => $"the traveller already declared a device on line {Detail}; one device per traveller per year",
        LineRefusal.TravellerDeclaredThisYear => "the traveller declared a device less than a year ago; one device per traveller per year",
        _ => Refusal.ToString(),
    };

    public override string ToString() => $"line {Line}: {Field}: {Problem}";
}

/// <summary>One line of a declarations file turned into a declaration, or the reason it cannot be.</summary>
public sealed record DeclarationLine(int Line, DeclareDevice? Declaration, LineProblem? Problem)
{
    public static DeclarationLine Refused(int line, string field, LineRefusal refusal, string? detail = null) =>
        new(line, null, new LineProblem(line, field, refusal, detail));
}

/// <summary>
/// Reads importers' and customs' declaration files (RFC 4180 CSV, UTF-8): a header line, then
/// <c>imei1,imei2,brand,model,import_type,importer,activation_code,traveller_national_id,traveller_sim,fee_paid</c>.
/// <c>import_type</c> is <c>commercial</c> or <c>traveller</c>; the traveller columns are for traveller rows only.
/// </summary>
public static class DeclarationCsv
{
    public const string Header = DeclarationsFile.Header;
    private static readonly string[] Columns = Header.Split(',');

    public static int ColumnCount => Columns.Length;
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
                    yield return DeclarationLine.Refused(line, "header", LineRefusal.NoHeader);
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
                yield return DeclarationLine.Refused(line, "line", LineRefusal.WrongColumnCount, row.ColCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
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
                    return DeclarationLine.Refused(line, Columns[slot], LineRefusal.Missing);
                }

                continue;
            }

            if (Imei.Check(cells[slot], out var imei) != ImeiProblem.None)
            {
                return DeclarationLine.Refused(line, Columns[slot], LineRefusal.InvalidImei, cells[slot]);
            }

            if (imeis.Contains(imei))
            {
                return DeclarationLine.Refused(line, Columns[slot], LineRefusal.SameImeiTwice);
            }

            imeis.Add(imei);
        }

        if (RequiredText.FirstOrDefault(field => cells[field].Length == 0) is var missing and > 0)
        {
            return DeclarationLine.Refused(line, Columns[missing], LineRefusal.Missing);
        }

        if (!Enum.TryParse<ImportType>(cells[4], ignoreCase: true, out var importType) || importType is not (ImportType.Commercial or ImportType.Traveller))
        {
            return cells[4].Length == 0
                ? DeclarationLine.Refused(line, Columns[4], LineRefusal.Missing)
                : DeclarationLine.Refused(line, Columns[4], LineRefusal.UnknownImportType, cells[4]);
        }

        var code = cells[6].Length == 0 ? null : DigitNormalizer.Normalize(cells[6]);
        if (code is not null && !ActivationCodes.IsWellFormed(code))
        {
            return DeclarationLine.Refused(line, Columns[6], LineRefusal.InvalidActivationCode);
        }

        TravellerDeclaration? traveller = null;
        if (importType == ImportType.Traveller)
        {
            if (!NationalId.TryNormalize(cells[7], out var nationalId))
            {
                return DeclarationLine.Refused(line, Columns[7], cells[7].Length == 0 ? LineRefusal.Missing : LineRefusal.InvalidNationalId);
            }

            if (!MobileNumber.TryNormalize(cells[8], out var sim))
            {
                return DeclarationLine.Refused(line, Columns[8], cells[8].Length == 0 ? LineRefusal.Missing : LineRefusal.InvalidMobile);
            }

            traveller = new TravellerDeclaration(nationalId, sim, IsYes(cells[9]), registeredAt);
        }
        else if (cells[7].Length > 0 || cells[8].Length > 0)
        {
            return DeclarationLine.Refused(line, cells[7].Length > 0 ? Columns[7] : Columns[8], LineRefusal.TravellerDetailsOnCommercialImport);
        }

        var declaration = new DeclareDevice(imeis, cells[2], cells[3], importType, cells[5], code, traveller);
        return DeclarationRules.Refusal(declaration) is { } refusal
            ? DeclarationLine.Refused(line, refusal.Field ?? "line", RefusalOf(refusal.Outcome), refusal.Imei)
            : new DeclarationLine(line, declaration, null);
    }

    private static LineRefusal RefusalOf(DeclarationOutcome outcome) => outcome switch
    {
        DeclarationOutcome.InvalidImei => LineRefusal.InvalidImei,
        DeclarationOutcome.DuplicateImei => LineRefusal.SameImeiTwice,
        DeclarationOutcome.InvalidActivationCode => LineRefusal.InvalidActivationCode,
        DeclarationOutcome.TooManyImeis => LineRefusal.TooManyImeis,
        DeclarationOutcome.TravellerDetailsOnCommercialImport => LineRefusal.TravellerDetailsOnCommercialImport,
        _ => LineRefusal.Missing,
    };

    private static bool IsYes(string cell) => cell.ToLowerInvariant() is "yes" or "true" or "1";
}
