namespace ReliefMatch.Core.Matching;

/// <summary>
/// One pass over the medical settlements (the largest source by far) collecting what the rules need: the
/// settlements of low-income candidates inside the widest medical window, and the records carrying a
/// home-county person's ID under another name. Nothing is formatted or allocated per record otherwise.
/// </summary>
internal sealed class MedicalScan
{
    private MedicalScan(List<Settlement> settlements, List<Mismatch> mismatches)
    {
        Settlements = settlements;
        Mismatches = mismatches;
    }

    /// <summary>Settlements of candidates dated in [widest window start, end(P)], ordered by person then record.</summary>
    public List<Settlement> Settlements { get; }

    /// <summary>Records whose ID belongs to a home-county person under another name, in record order.</summary>
    public List<Mismatch> Mismatches { get; }

    /// <summary>Records whose table slots are touched together before they are matched.</summary>
    internal const int Block = 32;

    public static MedicalScan Run(MonthEvaluation month)
    {
        var records = month.Data.Medical;
        var index = month.Index;
        var wantSettlements = month.WantsMedicalSettlements;
        var wantMismatches = month.WantsMedicalMismatches;
        var from = month.MedicalWindowStart;
        var to = month.End;
        var chunks = Chunks.CountFor(records.Count);
        var settlements = new List<Settlement>[chunks];
        var mismatches = new List<Mismatch>[chunks];
        // Fully optimised from the first call: the pass runs once per process, too early for tiering to help.
        Chunks.For(records.Count, [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] (chunk, start, end) =>
        {
            var s = new List<Settlement>();
            var m = new List<Mismatch>();
            long touched = 0;
            for (var block = start; block < end; block += Block)
            {
                var blockEnd = Math.Min(block + Block, end);
                for (var i = block; i < blockEnd; i++)
                {
                    touched ^= index.Touch(records[i].Id.Key);
                }
                for (var i = block; i < blockEnd; i++)
                {
                    var record = records[i];
                    var match = index.MatchById(record.Id, record.Name);
                    if (match.Person < 0)
                    {
                        continue;
                    }
                    month.Classify(match, out var candidate, out var home);
                    if (wantSettlements && candidate && record.SettledOn >= from && record.SettledOn <= to)
                    {
                        s.Add(new Settlement(match.Person, i, match.Confidence!.Value, record.SettledOn, record.OutOfPocket));
                    }
                    if (wantMismatches && home >= 0 && record.Id.IsValid)
                    {
                        m.Add(new Mismatch(i, home));
                    }
                }
            }
            settlements[chunk] = s;
            mismatches[chunk] = m;
            KeyTable.Keep(touched);
        });
        var allSettlements = Concat(settlements);
        allSettlements.Sort(static (a, b) => a.Person != b.Person ? a.Person.CompareTo(b.Person) : a.Record.CompareTo(b.Record));
        return new MedicalScan(allSettlements, Concat(mismatches));
    }

    private static List<T> Concat<T>(List<T>[] parts)
    {
        var all = new List<T>(parts.Sum(p => p.Count));
        foreach (var part in parts)
        {
            all.AddRange(part);
        }
        return all;
    }

    /// <summary>A settlement of a candidate, with what the rules sum so that they need not revisit the record.</summary>
    public readonly record struct Settlement(int Person, int Record, Findings.Confidence Confidence, DateOnly SettledOn, decimal OutOfPocket);

    public readonly record struct Mismatch(int Record, int HomePerson);
}
