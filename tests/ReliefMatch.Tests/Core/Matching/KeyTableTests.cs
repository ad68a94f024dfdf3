using ReliefMatch.Core.Matching;

namespace ReliefMatch.Tests.Core.Matching;

public class KeyTableTests
{
    [Fact]
    public void AddAt_ManyKeysUpToFullLoad_AllFound()
    {
        const int n = 50_000;
        var table = new KeyTable(n);
        var random = new Random(7);
        var keys = new HashSet<long>();
        while (keys.Count < n)
        {
            // Structured like real keys: address, birth date, sequence.
            keys.Add(450326_19000101_000L + random.NextInt64(0, 100_00000000_000L));
        }
        var person = 0;
        foreach (var key in keys)
        {
            var slot = table.Find(key);
            Assert.True(slot < 0);
            table.AddAt(-1 - slot, key, person++, key ^ 5);
        }
        Assert.Equal(n, table.Count);
        person = 0;
        foreach (var key in keys)
        {
            var slot = table.Find(key);
            Assert.True(slot >= 0);
            Assert.Equal(person++, table.At(slot).Person);
            Assert.Equal(key ^ 5, table.At(slot).NameCode);
        }
        Assert.True(table.Find(1) < 0);
    }
}
