using ReliefMatch.Core.Findings;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Matching;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Core.Matching;

public sealed class IdPartitionTests
{
    private static Finding About(string idNumber, string ruleId = "deceased-recipient", string household = "H1") => new()
    {
        RuleId = ruleId,
        RuleVersion = 1,
        IdNumber = idNumber,
        HouseholdId = household,
        Name = "张三",
        Township = "永福镇",
        Confidence = Confidence.Exact,
        Evidence = [],
        FeedsDataWarning = true,
    };

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 2)]
    [InlineData(2, 2)]
    public void Out_of_range_parts_are_refused(int index, int count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new IdPartition(index, count));

    [Fact]
    public void A_valid_ID_goes_to_the_part_of_its_key_and_a_record_without_one_to_every_part()
    {
        var id = TestRecords.Id(123);
        var parts = IdPartition.All(3);

        Assert.Equal([id.Key / 10 % 3], parts.Where(p => p.Gets(id)).Select(p => (long)p.Index));
        Assert.All(parts, p => Assert.True(p.Gets(ResidentIdParser.Parse("45032619800101123"))));
        Assert.All(parts, p => Assert.True(p.Gets(ParsedId.Missing)));
    }

    [Fact]
    public void Every_finding_is_owned_by_exactly_one_part_the_one_holding_its_ID_when_valid()
    {
        var findings = Enumerable.Range(0, 200).Select(n => About(TestRecords.IdNumber(n)))
            .Concat(Enumerable.Range(0, 50).Select(n => About("45032619800101" + n.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + "Z", "invalid-roster-id", "H" + n)))
            .ToList();
        foreach (var count in new[] { 1, 2, 3, 5 })
        {
            var parts = IdPartition.All(count);
            foreach (var f in findings)
            {
                var owners = parts.Where(p => p.Owns(f)).ToList();
                var owner = Assert.Single(owners);
                if (ResidentIdParser.Parse(f.IdNumber) is { IsValid: true } id)
                {
                    Assert.Equal(id.Key / 10 % count, owner.Index);
                }
            }
            // Findings without a valid ID spread over the parts rather than all landing in one.
            if (count > 1)
            {
                Assert.True(findings.Skip(200).Select(f => parts.Single(p => p.Owns(f)).Index).Distinct().Count() > 1);
            }
        }
    }

    [Fact]
    public void Two_parts_split_men_and_women_alike_not_by_the_sex_digit()
    {
        // Keys of one sex only (odd 17th digit: men): a split by the key's parity would put them all in one part.
        var men = Enumerable.Range(0, 2000).Select(TestRecords.Id).Where(id => id.Key % 2 == 1).ToList();
        var inFirst = men.Count(id => new IdPartition(0, 2).Gets(id));

        Assert.True(men.Count > 500);
        Assert.InRange(inFirst, men.Count * 4 / 10, men.Count * 6 / 10);
    }

    [Fact]
    public void Merge_gives_the_engine_order_and_refuses_a_finding_given_by_two_parts()
    {
        var a = About(TestRecords.IdNumber(1)) with { Township = "罗锦镇" };
        var b = About(TestRecords.IdNumber(2)) with { Township = "百寿镇" };
        var c = About(TestRecords.IdNumber(3)) with { Township = "三皇镇" };

        // Township first, ordinal: 三 (U+4E09) < 百 (U+767E) < 罗 (U+7F57).
        Assert.Equal([c, b, a], FindingEngine.Merge([[a], [b, c]]).ToList(), ReferenceEqualityComparer.Instance);
        var twice = Assert.Throws<InvalidOperationException>(() => FindingEngine.Merge([[a], [a with { }]]));
        Assert.Contains(a.Key, twice.Message);
    }
}
