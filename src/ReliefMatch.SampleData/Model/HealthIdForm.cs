namespace ReliefMatch.SampleData.Model;

/// <summary>What the 身份证件号码 of a death certificate holds.</summary>
internal enum HealthIdForm : byte
{
    Correct,

    /// <summary>Empty: name, sex and birth date must identify the person.</summary>
    None,

    /// <summary>A relative's valid ID under the deceased's name.</summary>
    RelativesId,

    /// <summary>One digit mistyped.</summary>
    MistypedDigit,

    /// <summary>Two adjacent digits swapped.</summary>
    SwappedDigits,
}
