namespace ReliefMatch.Core.Rules;

/// <summary>
/// The check a rule performs (docs/rules.md). A rule file names its kind; several rules may share a kind with
/// different parameters (e.g. a second medical-cost rule with a higher threshold).
/// </summary>
public enum RuleKind
{
    DeceasedRecipient = 1,
    DuplicateEnrolment,
    DibaoTekunOverlap,
    LowIncomeMedical,
    LowIncomeSevereDisability,
    EconomicCheckOverdue,
    HomeVisitOverdue,
    IdNameMismatch,
    InvalidRosterId,

    // General kinds over declared sources: a county writes a further rule of one of them by a file alone.
    RecordHeld,
    AmountOverWindow,
    EnrolledWithoutRecord,
    ValueShared,

    PaidAfterDeath,
    PaidNotEnrolled,
    AmountMismatch,
    KinNotFiled,
    ApplicationNotVisited,
    TagMonitored,
}
