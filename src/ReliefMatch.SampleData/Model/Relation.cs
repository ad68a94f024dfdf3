namespace ReliefMatch.SampleData.Model;

/// <summary>与户主关系.</summary>
internal enum Relation : byte
{
    Head,
    Self,
    Spouse,
    Son,
    Daughter,
    Father,
    Mother,
    Grandson,
    Granddaughter,
    DaughterInLaw,
    Brother,
    Sister,
    Other,
}
