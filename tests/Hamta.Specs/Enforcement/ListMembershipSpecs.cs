using Hamta.Enforcement.Contracts;
using Hamta.Enforcement.Lists;

namespace Hamta.Specs.Enforcement;

/// <summary>Given the operators' settings, which lists are whose and whose subscribers an operator's lists hold.</summary>
public sealed class ListMembershipSpecs
{
    [Fact]
    public void The_block_list_is_the_same_for_every_operator_and_the_others_are_each_operators_own()
    {
        Assert.False(EnforcementList.Block.IsPerOperator());
        Assert.True(EnforcementList.Notification.IsPerOperator());
        Assert.True(EnforcementList.Exception.IsPerOperator());
    }

    [Fact]
    public void An_operator_gets_its_subscribers_by_each_of_its_prefixes_and_an_empty_prefix_matches_nobody()
    {
        var settings = new ListSettings();
        settings.ImsiPrefixes["mci"] = ["43211", "43219"];
        settings.ImsiPrefixes["irancell"] = ["43235", ""];

        var (operators, prefixes) = settings.PrefixPairs();

        Assert.Equal([("mci", "43211"), ("mci", "43219"), ("irancell", "43235")], operators.Zip(prefixes));
    }

    [Theory]
    [InlineData("block", EnforcementList.Block)]
    [InlineData("notification", EnforcementList.Notification)]
    [InlineData("exception", EnforcementList.Exception)]
    [InlineData("blacklist", null)]
    [InlineData("Block", null)]
    public void A_list_is_named_in_the_api_by_its_lower_case_name_only(string name, EnforcementList? list) =>
        Assert.Equal(list, EnforcementLists.Parse(name));
}
