using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Identity;
using ReliefMatch.Readers.Headers;
using ReliefMatch.Readers.Values;

namespace ReliefMatch.Readers.Rows;

/// <summary>
/// 残联 持证残疾人. The 20-character 残疾人证号 is the holder's 18-character ID followed by one digit of category
/// and one of level, so it stands in for whichever of the ID, category and level columns is absent or blank.
/// </summary>
internal sealed class DisabilityRecordBuilder : RecordBuilder
{
    public const int CertificateLength = 20;

    public override ExtractRecord? Build(RowCells row)
    {
        if (!row.RequiredText(ExtractField.Name, out var name))
        {
            return null;
        }
        var certificate = ReadCertificate(row, out var certificateDamaged);
        var usable = certificate is not null && IsCertificateForm(certificate);

        ParsedId id;
        if (row.Has(ExtractField.IdNumber) && !row.IsBlank(ExtractField.IdNumber))
        {
            id = row.Id(ExtractField.IdNumber);
            if (id.Problem == IdProblem.ExcelDamaged)
            {
                row.RejectId(ExtractField.IdNumber, id.Problem);
                return null;
            }
        }
        else if (usable)
        {
            id = ResidentIdParser.Parse(certificate.AsSpan(0, 18));
            if (id.Problem == IdProblem.ExcelDamaged)
            {
                row.RejectId(ExtractField.CertificateNo, id.Problem);
                return null;
            }
        }
        else if (certificateDamaged)
        {
            row.RejectId(ExtractField.CertificateNo, IdProblem.ExcelDamaged);
            return null;
        }
        else if (certificate is null)
        {
            row.RejectId(row.Has(ExtractField.IdNumber) ? ExtractField.IdNumber : ExtractField.CertificateNo, IdProblem.Missing);
            return null;
        }
        else
        {
            row.Reject(ExtractField.CertificateNo, RejectionReasons.CertificateNotTwenty);
            return null;
        }

        if (!row.Code<DisabilityCategory>(ExtractField.Category, CodeLists.TryDisabilityCategory, out var category)
            || !row.Code<int>(ExtractField.Level, CodeLists.TryDisabilityLevel, out var level)
            || !row.Date(ExtractField.IssuedOn, out var issuedOn))
        {
            return null;
        }
        if (category is null)
        {
            if (!usable || !CodeLists.TryDisabilityCategory(certificate![18..19], out var c))
            {
                row.Reject(ExtractField.Category, RejectionReasons.NotDerivable(row.Columns.Header(ExtractField.Category)));
                return null;
            }
            category = c;
        }
        if (level is null)
        {
            if (!usable || !CodeLists.TryDisabilityLevel(certificate![19..20], out var l))
            {
                row.Reject(ExtractField.Level, RejectionReasons.NotDerivable(row.Columns.Header(ExtractField.Level)));
                return null;
            }
            level = l;
        }
        return new DisabilityRecord
        {
            Row = row.Row,
            Name = name,
            Id = id,
            CertificateNo = certificate,
            Category = category.Value,
            Level = level.Value,
            IssuedOn = issuedOn,
            CertificateStatus = row.Text(ExtractField.CertificateStatus),
            Township = row.Text(ExtractField.Township),
            Village = row.Text(ExtractField.Village),
        };
    }

    /// <summary>
    /// The certificate number normalised as an ID is (full-width folded, spaces and Excel prefixes removed,
    /// <c>x</c> upper-cased); <c>null</c> when blank. A numeric spreadsheet cell cannot hold 20 digits: it is
    /// returned as read and flagged damaged.
    /// </summary>
    private static string? ReadCertificate(RowCells row, out bool damaged)
    {
        damaged = false;
        var c = row.Columns[ExtractField.CertificateNo];
        if (c < 0)
        {
            return null;
        }
        if (row.Table.TryNumber(c, out _))
        {
            damaged = true;
            return row.Table.AsRead(c);
        }
        var text = row.Table.Text(c);
        if (text.IsEmpty)
        {
            return null;
        }
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 64)];
        var n = 0;
        foreach (var c0 in text)
        {
            var ch = TextFolding.Fold(c0);
            if (char.IsWhiteSpace(ch) || ch is '\'' or '"' or '=')
            {
                continue;
            }
            if (n == buffer.Length)
            {
                return text.ToString();
            }
            buffer[n++] = ch == 'x' ? 'X' : ch;
        }
        return n == 0 ? null : new string(buffer[..n]);
    }

    private static bool IsCertificateForm(string s) =>
        s.Length == CertificateLength
        && s.AsSpan(0, 17).IndexOfAnyExceptInRange('0', '9') < 0
        && (char.IsAsciiDigit(s[17]) || s[17] == 'X')
        && char.IsAsciiDigit(s[18]) && char.IsAsciiDigit(s[19]);
}
