namespace ReliefMatch.Core.Findings;

/// <summary>How a departmental record was tied to a person (docs/identity.md, "Tying a record to a person").</summary>
public enum Confidence
{
    /// <summary>Same valid ID and the same name.</summary>
    Exact = 1,
    /// <summary>An invalid ID one digit or one adjacent swap away from exactly one roster person of the same name.</summary>
    Repaired,
    /// <summary>No usable ID; exactly one roster person with the same name, sex and birth date.</summary>
    Probable,
    /// <summary>Same valid ID, another name: never enough to flag a death or a duplicate.</summary>
    Review,
}

public static class ConfidenceText
{
    public static string Id(this Confidence c) => c switch
    {
        Confidence.Exact => "exact",
        Confidence.Repaired => "repaired",
        Confidence.Probable => "probable",
        Confidence.Review => "review",
        _ => c.ToString(),
    };
}
