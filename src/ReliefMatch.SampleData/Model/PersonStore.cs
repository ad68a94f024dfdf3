namespace ReliefMatch.SampleData.Model;

/// <summary>A growable array of people, referenced by index everywhere else.</summary>
internal sealed class PersonStore(int capacity)
{
    private SamplePerson[] _items = new SamplePerson[Math.Max(16, capacity)];

    public int Count { get; private set; }

    public ref SamplePerson this[int index] => ref _items[index];

    public int Add(long key, int name, int village)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }
        _items[Count] = new SamplePerson { Key = key, Name = name, Village = (ushort)village };
        return Count++;
    }
}
