namespace ReliefMatch.Core.Rules;

/// <summary>How a <see cref="RecordCondition"/> tests its field (the key a rule file writes it with).</summary>
public enum ConditionTest
{
    /// <summary><c>equals</c>: the text is the one word.</summary>
    EqualTo = 1,

    /// <summary><c>in</c>: the text is one of the words.</summary>
    In,

    /// <summary><c>not_in</c>: the text is none of the words.</summary>
    NotIn,

    /// <summary><c>contains_any_of</c>: the text contains at least one of the words.</summary>
    ContainsAnyOf,

    /// <summary><c>contains_none_of</c>: the text contains none of the words.</summary>
    ContainsNoneOf,

    /// <summary><c>at_least</c>: a money or number field is ≥ the number.</summary>
    AtLeast,

    /// <summary><c>within_months</c>: a date or month field falls in the N calendar months ending P.</summary>
    WithinMonths,

    /// <summary><c>by_period_end</c>: a date is on or before end(P), a month not after P.</summary>
    ByPeriodEnd,
}

/// <summary>
/// One condition on a declared field of a record, as a rule of a general kind writes it: the record counts only when
/// every condition holds. Which test fits which field type is checked when the rule meets its source's declaration.
/// </summary>
/// <param name="Field">The declared field's name, e.g. <c>vehicle_type</c>.</param>
/// <param name="Words">For the text tests: the words compared ordinally (trimmed cell text).</param>
/// <param name="Number">For <see cref="ConditionTest.AtLeast"/>.</param>
/// <param name="Months">For <see cref="ConditionTest.WithinMonths"/>.</param>
/// <param name="EmptyPasses">
/// <c>if_empty: pass</c>: a record with an empty cell meets the condition (a vehicle without 机动车状态 is held). Then a
/// month whose files lack the column is no reason to skip the rule either.
/// </param>
/// <param name="PassesWithoutColumn">
/// <c>if_no_column: pass</c>: where no file of the month has the column, the condition holds for every record (a
/// students file without 毕业时间); otherwise (the default, unless empty cells pass) the rule is skipped for the month
/// (docs/rules.md, "A rule whose input is missing").
/// </param>
public sealed record RecordCondition(string Field, ConditionTest Test, IReadOnlyList<string> Words, decimal Number = 0, int Months = 0,
    bool EmptyPasses = false, bool PassesWithoutColumn = false)
{
    /// <summary>Whether the month must have a file with the column for the rule to run.</summary>
    public bool NeedsColumn => !EmptyPasses && !PassesWithoutColumn;
}
