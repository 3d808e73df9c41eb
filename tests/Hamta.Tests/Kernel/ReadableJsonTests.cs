using Hamta.Kernel.Security;

namespace Hamta.Tests.Kernel;

/// <summary>The JSON the history page shows: Persian as Persian, while nothing invisible may reorder or hide what an auditor reads.</summary>
public sealed class ReadableJsonTests
{
    [Fact]
    public void Persian_words_with_their_half_space_are_written_as_themselves()
    {
        var json = SecretFields.Redact("{\"Text\":\"\\u0645\\u06CC\\u200C\\u0634\\u0648\\u062F\"}");

        Assert.Equal("{\"Text\":\"می‌شود\"}", json);
    }

    [Theory]
    [InlineData("\\u202E")]
    [InlineData("\\u2067")]
    [InlineData("\\u200F")]
    [InlineData("\\u0007")]
    public void Controls_and_direction_overrides_stay_escaped(string escape)
    {
        var json = SecretFields.Redact($"{{\"Text\":\"a{escape}b\"}}");

        Assert.Equal($"{{\"Text\":\"a{escape}b\"}}", json);
    }

    [Fact]
    public void A_backslash_followed_by_u_is_not_taken_for_an_escape()
    {
        var json = SecretFields.Redact("{\"Path\":\"C:\\\\u0645\"}");

        Assert.Equal("{\"Path\":\"C:\\\\u0645\"}", json);
    }

    [Fact]
    public void Secrets_are_still_redacted()
    {
        Assert.Equal("{\"CodeHash\":\"***\",\"Name\":\"علی\"}", SecretFields.Redact("{\"CodeHash\":\"abc\",\"Name\":\"\\u0639\\u0644\\u06CC\"}"));
    }
}
