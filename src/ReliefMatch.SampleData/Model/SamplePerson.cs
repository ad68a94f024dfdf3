namespace ReliefMatch.SampleData.Model;

/// <summary>One person of the sample county: 16 bytes, since a large county has millions.</summary>
/// <remarks>Sex and birth date are read from <see cref="Key"/>, the first 17 digits of the resident ID.</remarks>
internal struct SamplePerson
{
    public long Key;

    /// <summary>A <see cref="People.ChineseNames"/> code.</summary>
    public int Name;

    /// <summary>Where the person lives: index into <see cref="Places.Gazetteer.Villages"/>.</summary>
    public ushort Village;

    public PersonTraits Traits;
}
