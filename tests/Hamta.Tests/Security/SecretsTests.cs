using Hamta.Host;
using Hamta.Host.Infrastructure;
using Hamta.Kernel.Security;
using Microsoft.Extensions.Configuration;

namespace Hamta.Tests.Security;

public sealed class SecretsTests
{
    [Fact]
    public void Production_names_every_missing_secret()
    {
        var missing = Secrets.MissingIn(new ConfigurationBuilder().Build(), new HostRole(ServesWeb: true, RunsJobs: true));

        Assert.Equal(3, missing.Count);
        Assert.Contains(missing, m => m.StartsWith(Secrets.CodeKey, StringComparison.Ordinal));
        Assert.Contains(missing, m => m.StartsWith(Secrets.KeyRingCertificate, StringComparison.Ordinal));
        Assert.Contains(missing, m => m.StartsWith("Hamta:Operators", StringComparison.Ordinal));
    }

    [Fact]
    public void A_code_hash_is_keyed_and_an_unkeyed_hash_from_before_the_key_still_matches()
    {
        var keyed = CodeHash.Of("0912", "482913");
        var unkeyed = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("0912:482913"u8));

        Assert.StartsWith("h1:", keyed, StringComparison.Ordinal);
        Assert.NotEqual(unkeyed, keyed[3..]);
        Assert.True(CodeHash.Matches(keyed, "0912", "482913"));
        Assert.True(CodeHash.Matches(unkeyed, "0912", "482913"));
        Assert.False(CodeHash.Matches(keyed, "0912", "482914"));
        Assert.False(CodeHash.Matches(unkeyed, "0913", "482913"));
    }
}
