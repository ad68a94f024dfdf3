using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
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
internal static class DeclaredSources
{
    /// <param name="rows">The rows of the extracts the month sees, in extract then row order.</param>
    /// <param name="newer">Orders two extracts by stamp (period, then import): positive when the first is newer.</param>
    /// <param name="presentFields">The declared fields some file of the month had a column for.</param>
    /// <param name="columnsOf">The declared fields an extract's file had a column for.</param>
    public static DeclaredTable Table(SourceDeclaration declaration, IReadOnlyList<DeclaredRecordCopy.Loaded> rows,
        Comparison<long> newer, IReadOnlySet<string> presentFields, Func<long, IReadOnlyCollection<string>> columnsOf)
    {
        var kept = declaration.Policy switch
        {
            SourcePolicy.History => DistinctAcrossFiles(rows),
            SourcePolicy.Latest => LatestPerKey(declaration, rows, newer),
            _ => rows,
        };
        var builder = new DeclaredTable.Builder(declaration);
        var fields = declaration.Fields;
        var index = Enumerable.Range(0, fields.Count).ToDictionary(i => fields[i].Name, StringComparer.Ordinal);
        var filtered = declaration.Filters.Any(f => f.Otherwise == RowFilterEffect.KeepAsNonEvidence);
        foreach (var row in kept)
        {
            if (filtered && !declaration.IsEvidence(field => index[field] < row.Values.Length ? row.Values[index[field]] : null, field => columnsOf(row.ExtractId).Contains(field)))
            {
                continue;
            }
            var values = new object?[fields.Count];
            for (var i = 0; i < values.Length && i < row.Values.Length; i++)
            {
                values[i] = DeclaredRecordCopy.FromText(fields[i].Type, row.Values[i]);
            }
            builder.Add(row.ExtractId, row.Row, row.Name, row.Id, values);
        }
        return builder.Build(presentFields);
    }

    /// <summary>
    /// The rows of a history, each content once across files: the k-th equal row of a file is kept when earlier files
    /// held fewer than k of it. Equal rows within one file are separate records (two payments of one month); a file
    /// exported again adds nothing.
    /// </summary>
    private static List<DeclaredRecordCopy.Loaded> DistinctAcrossFiles(IReadOnlyList<DeclaredRecordCopy.Loaded> rows)
    {
        var keptBefore = new Dictionary<string, int>(StringComparer.Ordinal);
        var inFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var kept = new List<DeclaredRecordCopy.Loaded>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0 && rows[i].ExtractId != rows[i - 1].ExtractId)
            {
                Settle(keptBefore, inFile);
            }
            var key = Content(rows[i]);
            var k = inFile[key] = inFile.GetValueOrDefault(key) + 1;
            if (k > keptBefore.GetValueOrDefault(key))
            {
                kept.Add(rows[i]);
            }
        }
        return kept;
    }

    /// <summary>After a file: each content has been kept as often as the file with the most of it held it.</summary>
    private static void Settle(Dictionary<string, int> keptBefore, Dictionary<string, int> inFile)
    {
        foreach (var (key, count) in inFile)
        {
            keptBefore[key] = Math.Max(keptBefore.GetValueOrDefault(key), count);
        }
        inFile.Clear();
    }

    /// <summary>What makes two rows the same record: the person's name and ID as read, and every stored declared value.</summary>
    private static string Content(DeclaredRecordCopy.Loaded row) =>
        string.Join('\u001f', [row.Name, row.IdText, .. row.Values.Select(v => v ?? "\u0000")]);

    /// <summary>
    /// Per entry (the declared key's values; the person by ID key, or by ID text when the ID is invalid), every row of
    /// the newest file holding it. A row whose key is empty cannot be tied to another file's row and stands alone.
    /// </summary>
    private static List<DeclaredRecordCopy.Loaded> LatestPerKey(SourceDeclaration declaration, IReadOnlyList<DeclaredRecordCopy.Loaded> rows, Comparison<long> newer)
    {
        var keys = rows.Select(r => Key(declaration, r)).ToArray();
        var newest = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            if (keys[i] is { } key && (!newest.TryGetValue(key, out var best) || newer(rows[i].ExtractId, best) > 0))
            {
                newest[key] = rows[i].ExtractId;
            }
        }
        return [.. rows.Where((r, i) => keys[i] is not { } key || newest[key] == r.ExtractId)];
    }

    private static string? Key(SourceDeclaration declaration, DeclaredRecordCopy.Loaded row)
    {
        var parts = new List<string>(declaration.Key.Count);
        foreach (var name in declaration.Key)
        {
            string? part;
            if (name == "id_number")
            {
                part = row.IdKey is { } k ? "k" + k.ToString(System.Globalization.CultureInfo.InvariantCulture) : row.IdText.Length > 0 ? "t" + row.IdText : null;
            }
            else
            {
                var index = declaration.Fields.ToList().FindIndex(f => f.Name == name);
                part = index < row.Values.Length && row.Values[index] is { Length: > 0 } v ? v : null;
            }
            if (part is null)
            {
                return null;
            }
            parts.Add(part);
        }
        return string.Join('\u001f', parts);
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
