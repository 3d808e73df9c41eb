using System.Text;
using Hamta.Tickets.Attachments;
using Hamta.Tickets.Contracts;

namespace Hamta.Specs.Tickets;

/// <summary>Given the files of a message, when the Tickets module checks them, then they are stored with the type their bytes show, or all refused.</summary>
public sealed class AttachmentSpecs
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00];
    private static readonly byte[] Pdf = "%PDF-1.7\n%âãÏÓ\n"u8.ToArray();
    private static readonly byte[] Webp = [.. "RIFF"u8, 0x24, 0x00, 0x00, 0x00, .. "WEBPVP8 "u8];
    private static readonly byte[] Heic = [0x00, 0x00, 0x00, 0x18, .. "ftypheic"u8, 0x00, 0x00, 0x00, 0x00];

    private static (IReadOnlyList<AcceptedAttachment> Accepted, AttachmentRefusal? Refusal) When(params (string Name, byte[] Content)[] files) =>
        AttachmentRules.Check([.. files.Select(file => new AttachmentUpload(file.Name, file.Content))]);

    public static TheoryData<string, byte[], string, string> Accepted => new()
    {
        { "photo.jpeg", Jpeg, "image/jpeg", "photo.jpg" },
        { "screen.PNG", Png, "image/png", "screen.png" },
        { "فاکتور خرید.pdf", Pdf, "application/pdf", "فاکتور خرید.pdf" },
        { "receipt.webp", Webp, "image/webp", "receipt.webp" },
        { "IMG_0001.HEIC", Heic, "image/heic", "IMG_0001.heic" },
        { "invoice.pdf", Jpeg, "image/jpeg", "invoice.jpg" },
        { @"C:\Users\me\Desktop\scan.pdf", Pdf, "application/pdf", "scan.pdf" },
        { "", Png, "image/png", "attachment.png" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void A_file_is_stored_with_the_type_its_bytes_show_and_that_types_extension(string name, byte[] content, string type, string storedName)
    {
        var (accepted, refusal) = When((name, content));

        Assert.Null(refusal);
        var file = Assert.Single(accepted);
        Assert.Equal(type, file.ContentType);
        Assert.Equal(storedName, file.FileName);
    }

    public static TheoryData<string, byte[]> NotImagesOrPdfs => new()
    {
        { "invoice.pdf", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>") },
        { "photo.jpg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>") },
        { "scan.pdf", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00] },
        { "tiny.jpg", [0xFF, 0xD8] },
        { "almost.pdf", "%PD"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(NotImagesOrPdfs))]
    public void A_file_whose_bytes_are_no_image_or_pdf_is_refused_whatever_its_name(string name, byte[] content)
    {
        var (accepted, refusal) = When(("receipt.png", Png), (name, content));

        Assert.Empty(accepted);
        Assert.Equal(new AttachmentRefusal(AttachmentProblem.UnsupportedType, Path.GetFileNameWithoutExtension(name)), refusal);
    }

    [Fact]
    public void A_file_of_exactly_the_limit_passes_and_one_byte_more_refuses_the_message()
    {
        var atLimit = new byte[AttachmentLimits.MaxBytes];
        "%PDF-"u8.CopyTo(atLimit);
        var overLimit = new byte[AttachmentLimits.MaxBytes + 1];
        "%PDF-"u8.CopyTo(overLimit);

        Assert.Null(When(("big.pdf", atLimit)).Refusal);
        Assert.Equal(new AttachmentRefusal(AttachmentProblem.TooLarge, "bigger"), When(("small.png", Png), ("bigger.pdf", overLimit)).Refusal);
    }

    [Fact]
    public void Five_files_pass_and_a_sixth_refuses_them_all()
    {
        var five = Enumerable.Range(1, AttachmentLimits.MaxFiles).Select(i => ($"{i}.png", Png)).ToArray();

        Assert.Equal(AttachmentLimits.MaxFiles, When(five).Accepted.Count);
        Assert.Equal(new AttachmentRefusal(AttachmentProblem.TooMany, null), When([.. five, ("6.png", Png)]).Refusal);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal(new AttachmentRefusal(AttachmentProblem.Empty, "blank"), When(("blank.pdf", [])).Refusal);
    }

    [Fact]
    public void A_name_keeps_no_folder_control_characters_or_bidi_overrides()
    {
        Assert.Equal("evilgpj", AttachmentRules.BaseName("..\\..\\evil\u202Egpj.exe"));
        Assert.Equal("a b", AttachmentRules.BaseName("/tmp/a\r\n b\";.pdf"));
        Assert.Equal(120, AttachmentRules.BaseName(new string('x', 300) + ".pdf").Length);
    }

    [Fact]
    public void No_files_is_no_refusal()
    {
        Assert.Empty(AttachmentRules.Check(null).Accepted);
        Assert.Null(AttachmentRules.Check(null).Refusal);
        Assert.Null(AttachmentRules.Check([]).Refusal);
    }
}
