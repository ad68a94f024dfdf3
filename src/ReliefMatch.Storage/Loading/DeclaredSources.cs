using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Core.Matching;
using ReliefMatch.Core.Sources;
using ReliefMatch.Storage.Imports;

namespace ReliefMatch.Storage.Loading;

/// <summary>
/// Turns the stored rows of a declared source (in extract then row order) into what a month sees, by its declared
/// policy (docs/sources.md, "Sources are declared"): a snapshot's rows as they are (the loader chose the extracts); a
/// history's rows with a row equal to one of an earlier file counted once, equal rows within one file each kept;
/// a latest source's rows of the latest-stamped file per declared key. Of those, the rows a <c>keep-as-non-evidence</c>
/// filter holds back (<see cref="SourceDeclaration.IsEvidence"/>) stay stored and counted but are left out of the
/// month's table, so that no rule can take them as evidence.
/// </summary>
/// <remarks>
/// The policies work on the typed columns of the rows as loaded (<see cref="DeclaredTable.Builder"/>): two rows are
/// equal when their name, ID text and every stored value are (a hash of the columns, then the columns compared), which
/// is the equality of their stored texts, since each type's stored text is one-to-one with its value.
/// </remarks>
internal static class DeclaredSources
{
    /// <param name="rows">The rows of the extracts the month sees, in extract then row order.</param>
    /// <param name="newer">Orders two extracts by stamp (period, then import): positive when the first is newer.</param>
    /// <param name="presentFields">The declared fields some file of the month had a column for.</param>
    /// <param name="columnsOf">The declared fields an extract's file had a column for.</param>
    /// <param name="tied">
    /// When given, whether a record's ID can tie it to a person of the month: the records it refuses are left out once
    /// the policy chose the rows (the run's rules use no record they cannot tie, <see cref="FindingEngine.TiedRecordsOnly"/>).
    /// </param>
    public static DeclaredTable Table(DeclaredTable.Builder rows, Comparison<long> newer, IReadOnlySet<string> presentFields,
        Func<long, IReadOnlyCollection<string>> columnsOf, Func<ParsedId, bool>? tied = null)
    {
        var declaration = rows.Declaration;
        rows.Order();
        var keep = declaration.Policy switch
        {
            SourcePolicy.History => DistinctAcrossFiles(rows),
            SourcePolicy.Latest => LatestPerKey(rows, newer),
            _ => null,
        };
        if (declaration.Filters.Any(f => f.Otherwise == RowFilterEffect.KeepAsNonEvidence))
        {
            keep ??= Every(rows.Count);
            var fields = declaration.Fields;
            var index = Enumerable.Range(0, fields.Count).ToDictionary(i => fields[i].Name, StringComparer.Ordinal);
            for (var i = 0; i < keep.Length; i++)
            {
                var row = i;
                keep[i] = keep[i] && declaration.IsEvidence(
                    field => rows.Value(index[field], row) is { } value ? DeclaredRecordCopy.ToText(value) : null,
                    field => columnsOf(rows.ExtractId(row)).Contains(field));
            }
        }
        if (tied is not null)
        {
            keep ??= Every(rows.Count);
            for (var i = 0; i < keep.Length; i++)
            {
                keep[i] = keep[i] && tied(rows.Id(i));
            }
        }
        if (keep is not null)
        {
            rows.Retain(keep);
        }
        return rows.Build(presentFields);
    }

    private static bool[] Every(int count)
    {
        var keep = new bool[count];
        Array.Fill(keep, true);
        return keep;
    }

    /// <summary>
    /// The rows of a history, each content once across files: the k-th equal row of a file is kept when earlier files
    /// held fewer than k of it. Equal rows within one file are separate records (two payments of one month); a file
    /// exported again adds nothing.
    /// </summary>
    private static bool[] DistinctAcrossFiles(DeclaredTable.Builder rows)
    {
        // Rows stand for their content: a row's key is the row number of its content's first occurrence.
        var hashes = new int[rows.Count];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = rows.ContentHash(i);
        }
        var content = new RowComparer(hashes, rows.SameContent);
        var keptBefore = new Dictionary<int, int>(content);
        var inFile = new Dictionary<int, int>(content);
        var keep = new bool[rows.Count];
        for (var i = 0; i < keep.Length; i++)
        {
            if (i > 0 && rows.ExtractId(i) != rows.ExtractId(i - 1))
            {
                Settle(keptBefore, inFile);
            }
            ref var inThisFile = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(inFile, i, out _);
            keep[i] = ++inThisFile > keptBefore.GetValueOrDefault(i);
        }
        return keep;
    }

    /// <summary>After a file: each content has been kept as often as the file with the most of it held it.</summary>
    private static void Settle(Dictionary<int, int> keptBefore, Dictionary<int, int> inFile)
    {
        foreach (var (row, count) in inFile)
        {
            ref var before = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(keptBefore, row, out _);
            before = Math.Max(before, count);
        }
        inFile.Clear();
    }

    /// <summary>
    /// Per entry (the declared key's values; the person by ID key, or by ID text when the ID is invalid), every row of
    /// the newest file holding it. A row whose key is empty cannot be tied to another file's row and stands alone.
    /// </summary>
    private static bool[] LatestPerKey(DeclaredTable.Builder rows, Comparison<long> newer)
    {
        var declaration = rows.Declaration;
        var fields = declaration.Key.Select(name => name == "id_number" ? -1 : IndexOf(declaration, name)).ToArray();
        var hashes = new int[rows.Count];
        var keyed = new bool[rows.Count];
        for (var i = 0; i < hashes.Length; i++)
        {
            keyed[i] = HasKey(rows, fields, i);
            hashes[i] = keyed[i] ? KeyHash(rows, fields, i) : 0;
        }
        var newest = new Dictionary<int, long>(new RowComparer(hashes, (a, b) => SameKey(rows, fields, a, b)));
        for (var i = 0; i < hashes.Length; i++)
        {
            if (keyed[i])
            {
                ref var best = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(newest, i, out var exists);
                if (!exists || newer(rows.ExtractId(i), best) > 0)
                {
                    best = rows.ExtractId(i);
                }
            }
        }
        var keep = new bool[rows.Count];
        for (var i = 0; i < keep.Length; i++)
        {
            keep[i] = !keyed[i] || newest[i] == rows.ExtractId(i);
        }
        return keep;
    }

    private static int IndexOf(SourceDeclaration declaration, string field)
    {
        for (var i = 0; i < declaration.Fields.Count; i++)
        {
            if (declaration.Fields[i].Name == field)
            {
                return i;
            }
        }
        throw new InvalidOperationException($"Source {declaration.Id} ({declaration.File}) names key field '{field}', which it does not declare.");
    }

    /// <summary>Whether every part of the key has a value: the person's ID (valid, or its text), a stored value that is not empty.</summary>
    private static bool HasKey(DeclaredTable.Builder rows, int[] fields, int row)
    {
        foreach (var field in fields)
        {
            var has = field < 0
                ? rows.Id(row).Id is not null || rows.Id(row).Text is { Length: > 0 }
                : rows.Value(field, row) switch { null => false, string s => s.Length > 0, _ => true };
            if (!has)
            {
                return false;
            }
        }
        return true;
    }

    private static int KeyHash(DeclaredTable.Builder rows, int[] fields, int row)
    {
        var hash = new HashCode();
        foreach (var field in fields)
        {
            if (field < 0)
            {
                var id = rows.Id(row);
                if (id.Id is { } valid)
                {
                    hash.Add(valid.Key);
                }
                else
                {
                    hash.Add(id.Text ?? "", StringComparer.Ordinal);
                }
            }
            else
            {
                hash.Add(rows.ValueHash(field, row));
            }
        }
        return hash.ToHashCode();
    }

    /// <summary>Two keyed rows name the same entry: the same valid ID (or, both invalid, the same ID text) and the same key values.</summary>
    private static bool SameKey(DeclaredTable.Builder rows, int[] fields, int a, int b)
    {
        foreach (var field in fields)
        {
            if (field < 0)
            {
                var (x, y) = (rows.Id(a), rows.Id(b));
                var same = x.Id is { } kx ? y.Id is { } ky && kx.Key == ky.Key : y.Id is null && string.Equals(x.Text, y.Text, StringComparison.Ordinal);
                if (!same)
                {
                    return false;
                }
            }
            else if (!rows.SameValue(field, a, b))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Rows compared by a property of theirs: hashed once up front, equal by <c>same</c>.</summary>
    private sealed class RowComparer(int[] hashes, Func<int, int, bool> same) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => x == y || same(x, y);

        public int GetHashCode(int obj) => hashes[obj];
    }

    /// <summary>
    /// The rows of a source whose declaration names a death-date field, as deaths the death rules read: the name, the
    /// ID, the sex and birth date where declared (fields <c>sex</c> and <c>birth_date</c>), and the death date.
    /// </summary>
    public static IEnumerable<DeathRecord> Deaths(DeclaredTable table)
    {
        var declaration = table.Declaration;
        if (declaration.DeathDate is not { } deathField)
        {
            yield break;
        }
        var source = SourceRef.Of(declaration);
        var died = table.Dates(deathField.Name);
        var sex = declaration.Field("sex") is { Type: FieldType.Code, CodeList: "sex" } ? table.Text("sex") : null;
        var born = declaration.Field("birth_date") is { Type: FieldType.Date } ? table.Dates("birth_date") : null;
        for (var i = 0; i < table.Count; i++)
        {
            yield return new DeathRecord
            {
                Kind = source,
                ExtractId = table.ExtractIds[i],
                Row = table.Rows[i],
                Name = table.Names[i],
                Id = table.Ids[i],
                Sex = sex?[i] switch { "male" => Sex.Male, "female" => Sex.Female, _ => null },
                BirthDate = born?[i],
                DeathDate = died[i],
                IsDeath = true,
            };
        }
    }
}
