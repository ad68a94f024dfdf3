using System.Runtime.CompilerServices;
using ReliefMatch.Core.Extracts;
using ReliefMatch.SampleData.Model;
using ReliefMatch.SampleData.Output;
using ReliefMatch.SampleData.People;
using ReliefMatch.SampleData.Places;

namespace ReliefMatch.SampleData.Sources;

/// <summary>
/// 民政 救助对象花名册. Messy: the home county's dibao households in an XLSX with title rows, 序号 and a 合计
/// footer (split in parts past Excel's row limit), tekun in another XLSX, edge and expenditure households in a
/// UTF-8 CSV with BOM from the provincial system, and the neighbour county's roster as a GB18030 CSV. Plain: one
/// UTF-8 CSV per county.
/// </summary>
internal sealed class RosterWriter(SamplePopulation population, string outDir)
    : SourceWriter(population, outDir, SourceKind.Roster, 201)
{
    /// <summary>The contract's first spelling of each field: the plain header.</summary>
    public static IReadOnlyList<(RosterColumn Column, string Header)> PlainColumns { get; } =
    [
        (RosterColumn.CountyCode, "区划代码"), (RosterColumn.County, "县(区)"), (RosterColumn.Township, "乡镇(街道)"),
        (RosterColumn.Village, "村(社区)"), (RosterColumn.HouseholdId, "家庭编号"), (RosterColumn.HeadName, "户主姓名"),
        (RosterColumn.HeadIdNumber, "户主身份证号"), (RosterColumn.Name, "姓名"), (RosterColumn.IdNumber, "身份证号"),
        (RosterColumn.Relation, "与户主关系"), (RosterColumn.Programme, "救助类别"), (RosterColumn.SupportMode, "供养方式"),
        (RosterColumn.Status, "保障状态"), (RosterColumn.EnrolledOn, "纳入时间"), (RosterColumn.MonthlyAmount, "月保障金额"),
        (RosterColumn.LastCheckOn, "最近核对日期"), (RosterColumn.LastVisitOn, "最近入户调查日期"), (RosterColumn.WorkAbility, "劳动能力"),
        (RosterColumn.IncomeStable, "收入是否稳定"),
    ];

    private static readonly (RosterColumn, string)[] DibaoColumns =
    [
        (RosterColumn.Sequence, "序号"), (RosterColumn.County, "县(区)"), (RosterColumn.Township, "乡镇（街道）"),
        (RosterColumn.Village, "村（社区）"), (RosterColumn.HouseholdId, "家庭编号"), (RosterColumn.HeadName, "户主姓名"),
        (RosterColumn.HeadIdNumber, "户主身份证号码"), (RosterColumn.Name, "成员姓名"), (RosterColumn.IdNumber, "身份证号码"),
        (RosterColumn.Relation, "与户主关系"), (RosterColumn.Programme, "救助类别"), (RosterColumn.Status, "保障状态"),
        (RosterColumn.EnrolledOn, "纳入时间"), (RosterColumn.MonthlyAmount, "月保障金额（元）"),
        (RosterColumn.LastCheckOn, "最近一次经济状况\n核对日期"), (RosterColumn.LastVisitOn, "最近入户\n调查日期"),
        (RosterColumn.WorkAbility, "劳动能力"), (RosterColumn.IncomeStable, "收入是否稳定"), (RosterColumn.Phone, "联系电话"),
        (RosterColumn.Remark, "备注"),
    ];

    private static readonly (RosterColumn, string)[] TekunColumns =
    [
        (RosterColumn.Sequence, "序号"), (RosterColumn.Township, " 乡镇 "), (RosterColumn.Village, "村委会"),
        (RosterColumn.HouseholdId, "户编号"), (RosterColumn.Name, "姓名"), (RosterColumn.IdNumber, "公民身份号码"),
        (RosterColumn.Relation, "与户主关系"), (RosterColumn.Programme, "保障类别"), (RosterColumn.SupportMode, "供养方式"),
        (RosterColumn.Status, "享受状态"), (RosterColumn.EnrolledOn, "审批日期"), (RosterColumn.MonthlyAmount, "保障金额(元)"),
        (RosterColumn.LastCheckOn, "上次核对时间"), (RosterColumn.LastVisitOn, "上次入户时间"), (RosterColumn.WorkAbility, "劳动能力"),
        (RosterColumn.IncomeStable, "收入来源是否固定"),
    ];

    private static readonly (RosterColumn, string)[] EdgeColumns =
    [
        (RosterColumn.Township, "所属乡镇"), (RosterColumn.Village, "所属村"), (RosterColumn.HouseholdId, "户编号"),
        (RosterColumn.HeadName, "户主姓名"), (RosterColumn.HeadIdNumber, "户主身份证号码"), (RosterColumn.Name, "成员姓名"),
        (RosterColumn.IdNumber, "成员身份证号"), (RosterColumn.Relation, "与户主关系"), (RosterColumn.Programme, "救助类型"),
        (RosterColumn.Status, "状态"), (RosterColumn.EnrolledOn, "批准日期"), (RosterColumn.MonthlyAmount, "月救助金"),
        (RosterColumn.LastCheckOn, "最近核对日期"), (RosterColumn.LastVisitOn, "最近入户日期"), (RosterColumn.WorkAbility, "劳动能力"),
        (RosterColumn.IncomeStable, "收入是否稳定"), (RosterColumn.CountyCode, "县区代码"),
    ];

    private static readonly (RosterColumn, string)[] NeighbourColumns =
    [
        (RosterColumn.Sequence, "序号"), (RosterColumn.CountyCode, "行政区划代码"), (RosterColumn.County, "县区"),
        (RosterColumn.Township, "乡镇街道"), (RosterColumn.Village, "村(居)委会"), (RosterColumn.HouseholdId, "户号"),
        (RosterColumn.HeadName, "户主姓名"), (RosterColumn.HeadIdNumber, "户主身份证号"), (RosterColumn.Name, "姓名"),
        (RosterColumn.IdNumber, "身份证号码"), (RosterColumn.Relation, "与户主关系"), (RosterColumn.Programme, "保障类别"),
        (RosterColumn.SupportMode, "供养方式"), (RosterColumn.Status, "保障状态"), (RosterColumn.EnrolledOn, "批准日期"),
        (RosterColumn.MonthlyAmount, "月保障金额（元）"), (RosterColumn.LastCheckOn, "上次核对时间"), (RosterColumn.LastVisitOn, "上次入户时间"),
        (RosterColumn.WorkAbility, "劳动能力"), (RosterColumn.IncomeStable, "收入是否稳定"),
    ];

    private static readonly string[][] ProgrammeSpellings =
    [
        ["城市低保", "城镇低保", "城市最低生活保障"],
        ["农村低保", "农村最低生活保障"],
        ["特困供养", "特困人员", "特困", "特困人员救助供养"],
        ["低保边缘", "低保边缘家庭", "低边"],
        ["支出型困难", "支出型困难家庭", "刚性支出困难家庭"],
    ];

    private static readonly string[][] StatusSpellings = [["在保", "正常", "在享", "享受中"], ["渐退", "渐退期"], ["停保", "已停保", "终止", "退出"]];

    private static readonly string[] AbilityNames = ["有劳动能力", "丧失部分劳动能力", "无劳动能力"];

    private static readonly string[] Remarks = ["", "", "", "", "", "单人保", "重病", "重度残疾", "独居老人", "留守儿童"];

    public override long ExpectedRows => Population.Members.Length;

    public override void Write()
    {
        if (Plain)
        {
            WritePlain();
        }
        else
        {
            WriteMessy();
        }
    }

    private void WritePlain()
    {
        var columns = PlainColumns.Select(c => c.Column).ToArray();
        var headers = PlainColumns.Select(c => c.Header).ToArray();
        var home = OpenCsv($"roster-{Gazetteer.Home.Code}-{CompactMonth}.csv", FileFormat.CsvUtf8);
        var neighbour = OpenCsv($"roster-{Gazetteer.Neighbour.Code}-{CompactMonth}.csv", FileFormat.CsvUtf8);
        home.HeaderRow(headers);
        neighbour.HeaderRow(headers);
        var households = Population.Households;
        for (var h = 0; h < households.Length; h++)
        {
            var sink = households[h].IsNeighbour ? neighbour : home;
            WriteHousehold(sink, columns, FileStyle.Plain, h, 0);
        }
        Close(home);
        Close(neighbour);
    }

    private void WriteMessy()
    {
        var period = Population.Period;
        var filed = ExportDay;
        var dibaoStyle = new FileStyle
        {
            Dates = [(DateForm.Cell, 80), (DateForm.Serial, 4), (DateForm.Slash, 8), (DateForm.Chinese, 4), (DateForm.Compact, 2), (DateForm.Dotted, 2)],
            Money = [(MoneyForm.Cell, 90), (MoneyForm.Yuan, 5), (MoneyForm.Thousands, 3), (MoneyForm.FullWidthYen, 2)],
            LowerX = 400, FullWidth = 20, Spaces = 20, TrailingSpace = 30, PaddedNames = 60, BlankRows = 8,
        };
        var tekunStyle = new FileStyle
        {
            Dates = [(DateForm.Cell, 50), (DateForm.Chinese, 30), (DateForm.Slash, 20)],
            Money = [(MoneyForm.Cell, 85), (MoneyForm.Short, 15)],
            LowerX = 200, Spaces = 20, PaddedNames = 100, BlankRows = 5,
        };
        var edgeStyle = new FileStyle
        {
            Dates = [(DateForm.Iso, 60), (DateForm.IsoMidnight, 30), (DateForm.Slash, 10)],
            Money = [(MoneyForm.Plain, 1)],
            LowerX = 100, Apostrophe = 100, Tab = 50, Spaces = 10,
        };
        var neighbourStyle = new FileStyle
        {
            Dates = [(DateForm.Slash, 85), (DateForm.Compact, 10), (DateForm.Dotted, 5)],
            Money = [(MoneyForm.Plain, 70), (MoneyForm.FullWidthYen, 20), (MoneyForm.Thousands, 10)],
            LowerX = 300, Apostrophe = 30, Tab = 30, FullWidth = 10, BlankRows = 10,
        };

        long dibaoRows = 0, tekunRows = 0;
        for (var h = 0; h < Population.HomeHouseholdCount; h++)
        {
            ref readonly var household = ref Population.Households[h];
            if (household.Programme.IsDibao())
            {
                dibaoRows += household.MemberCount;
            }
            else if (household.Programme == Programme.Tekun)
            {
                tekunRows += household.MemberCount;
            }
        }
        var dibao = new XlsxParts(this, $"{Gazetteer.Home.Name}{ChineseMonth}城乡低保在保对象花名册", "花名册", DibaoColumns, dibaoStyle, dibaoRows,
            [$"{Gazetteer.Home.Name}{ChineseMonth}在保对象花名册", $"填报单位：{Gazetteer.Home.Name}民政局（盖章）　　　　填报日期：{filed.Year}年{filed.Month}月{filed.Day}日"]);
        var tekun = new XlsxParts(this, $"{Gazetteer.Home.Name}{ChineseMonth}特困供养人员花名册", "特困人员", TekunColumns, tekunStyle, tekunRows,
            [$"{Gazetteer.Home.Name}{ChineseMonth}特困供养人员花名册", $"填报单位：{Gazetteer.Home.Name}民政局　　截至日期：{period.Last.Year}年{period.Last.Month}月{period.Last.Day}日", ""]);
        var edgeColumns = EdgeColumns.Select(c => c.Item1).ToArray();
        var edge = OpenCsv($"低保边缘及支出型困难家庭_{CompactMonth}.csv", FileFormat.CsvUtf8Bom);
        edge.HeaderRow(EdgeColumns.Select(c => c.Item2).ToArray());
        var neighbourColumns = NeighbourColumns.Select(c => c.Item1).ToArray();
        var neighbour = OpenCsv($"{Gazetteer.Neighbour.Name}{ChineseMonth}低保特困人员花名册.csv", FileFormat.CsvGb18030);
        neighbour.TitleRow($"{Gazetteer.Neighbour.Name}{ChineseMonth}城乡低保、特困人员花名册", neighbourColumns.Length);
        neighbour.HeaderRow(NeighbourColumns.Select(c => c.Item2).ToArray());

        // Two rows of the dibao sheet hold IDs Excel turned into numbers: the reader must reject them.
        _damagedRows = [1 + Style.NextLong(Math.Max(1, dibaoRows - 1)), 1 + Style.NextLong(Math.Max(1, dibaoRows - 1))];
        Array.Sort(_damagedRows);

        long neighbourSequence = 0, neighbourAmount = 0;
        for (var h = 0; h < Population.Households.Length; h++)
        {
            ref readonly var household = ref Population.Households[h];
            if (household.IsNeighbour)
            {
                neighbourSequence = WriteHousehold(neighbour, neighbourColumns, neighbourStyle, h, neighbourSequence);
                neighbourAmount += AmountOf(household);
                continue;
            }
            switch (household.Programme)
            {
                case Programme.UrbanDibao or Programme.RuralDibao:
                    dibao.Write(h, household.MemberCount);
                    break;
                case Programme.Tekun:
                    tekun.Write(h, household.MemberCount);
                    break;
                default:
                    WriteHousehold(edge, edgeColumns, edgeStyle, h, 0);
                    break;
            }
        }
        dibao.Close();
        tekun.Close();
        Close(edge);
        Footer(neighbour, neighbourColumns.Length, c => neighbourColumns[c] switch
        {
            RosterColumn.Sequence => () => neighbour.Text("合计"),
            RosterColumn.MonthlyAmount => () => neighbour.MoneySum(neighbourAmount),
            _ => null,
        });
        Close(neighbour);
    }

    private long[] _damagedRows = [];
    private long _dibaoRowsWritten;
    private int _nextDamage;

    private long AmountOf(in RosterHousehold household)
    {
        var sum = 0L;
        for (var m = household.FirstMember; m < household.FirstMember + household.MemberCount; m++)
        {
            sum += Math.Max(0, Population.Members[m].AmountCents);
        }
        return sum;
    }

    /// <summary>Writes a household's rows; returns the last 序号 used.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long WriteHousehold(ExtractSink sink, RosterColumn[] columns, FileStyle style, int h, long sequence)
    {
        ref readonly var household = ref Population.Households[h];
        var members = Population.Members;
        var head = members[household.FirstMember].Person;
        for (var m = household.FirstMember; m < household.FirstMember + household.MemberCount; m++)
        {
            sink.BeginRow();
            sequence++;
            var damaged = false;
            if (!style.IsPlain && household.Programme.IsDibao() && !household.IsNeighbour)
            {
                _dibaoRowsWritten++;
                // Only a row no planted case depends on.
                if (_nextDamage < _damagedRows.Length && _dibaoRowsWritten >= _damagedRows[_nextDamage] && members[m].Flaw == IdFlaw.None
                    && (Population.Persons[members[m].Person].Traits & (PersonTraits.Planted | PersonTraits.Dead)) == 0)
                {
                    damaged = true;
                    _nextDamage++;
                }
            }
            foreach (var column in columns)
            {
                WriteCell(sink, column, style, household, members[m], head, sequence, damaged);
            }
            sink.EndRow();
            if (style.Blank(ref Style))
            {
                sink.BlankRow(columns.Length);
            }
        }
        return sequence;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteCell(
        ExtractSink sink, RosterColumn column, FileStyle style, in RosterHousehold household, in RosterMember member, int head, long sequence, bool damaged)
    {
        ref readonly var person = ref Population.Persons[member.Person];
        var village = Gazetteer.Villages[household.Village];
        switch (column)
        {
            case RosterColumn.Sequence:
                sink.Integer(sequence);
                break;
            case RosterColumn.CountyCode:
                sink.Text(village.County.Code);
                break;
            case RosterColumn.County:
                sink.Text(village.County.Name);
                break;
            case RosterColumn.Township:
                sink.Text(village.Township.Name);
                break;
            case RosterColumn.Village:
                sink.Text(village.Name);
                break;
            case RosterColumn.HouseholdId:
            {
                Span<char> id = stackalloc char[24];
                village.Code.AsSpan().CopyTo(id);
                var n = village.Code.Length + TextFormats.Digits(id[village.Code.Length..], household.Serial % 100_000, 5);
                sink.Text(id[..n]);
                break;
            }
            case RosterColumn.HeadName:
                Cells.Name(sink, Population.Persons[head].Name, style, ref Style);
                break;
            case RosterColumn.HeadIdNumber:
                Cells.Id(sink, Population.Persons[head].Key, style, ref Style);
                break;
            case RosterColumn.Name:
                Cells.Name(sink, person.Name, style, ref Style);
                break;
            case RosterColumn.IdNumber:
                WriteId(sink, person.Key, member.Flaw, style, damaged);
                break;
            case RosterColumn.Relation:
                sink.Text(member.Relation.Chinese());
                break;
            case RosterColumn.Programme:
                sink.Text(style.Spelling(ref Style, ProgrammeSpellings[(int)household.Programme - 1]));
                break;
            case RosterColumn.SupportMode:
                sink.Text(household.Support switch
                {
                    SupportMode.Centralised => "集中供养",
                    SupportMode.Dispersed => "分散供养",
                    _ => "",
                });
                break;
            case RosterColumn.Status:
                sink.Text(style.Spelling(ref Style, StatusSpellings[(int)member.Status - 1], 100));
                break;
            case RosterColumn.EnrolledOn:
                sink.Date(member.EnrolledDay, style.Date(ref Style));
                break;
            case RosterColumn.MonthlyAmount:
                if (member.AmountCents < 0)
                {
                    sink.Empty();
                }
                else
                {
                    sink.Money(member.AmountCents, style.Amount(ref Style));
                }
                break;
            case RosterColumn.LastCheckOn:
                DateOrEmpty(sink, member.CheckDay, style);
                break;
            case RosterColumn.LastVisitOn:
                DateOrEmpty(sink, member.VisitDay, style);
                break;
            case RosterColumn.WorkAbility:
                sink.Text(AbilityNames[(int)member.Ability - 1]);
                break;
            case RosterColumn.IncomeStable:
                sink.Text(household.IncomeStable ? "是" : "否");
                break;
            case RosterColumn.Phone:
                if (Style.PerMille(600))
                {
                    Span<char> phone = stackalloc char[11];
                    "1".AsSpan().CopyTo(phone);
                    TextFormats.Digits(phone[1..], 30 + Style.Next(60), 2);
                    "****".AsSpan().CopyTo(phone[3..]);
                    TextFormats.Digits(phone[7..], Style.Next(10000), 4);
                    sink.Text(phone);
                }
                else
                {
                    sink.Empty();
                }
                break;
            case RosterColumn.Remark:
                sink.Text(Remarks[Style.Next(Remarks.Length)]);
                break;
        }
    }

    private void DateOrEmpty(ExtractSink sink, int day, FileStyle style)
    {
        if (day == 0)
        {
            sink.Empty();
        }
        else
        {
            sink.Date(day, style.Date(ref Style));
        }
    }

    private void WriteId(ExtractSink sink, long key, IdFlaw flaw, FileStyle style, bool damaged)
    {
        switch (flaw)
        {
            case IdFlaw.Missing:
                sink.Empty();
                return;
            case IdFlaw.WrongCheck:
            {
                Span<char> id = stackalloc char[18];
                ResidentIdText.Write(key, id);
                id[17] = ResidentIdText.WrongCheck(key, (int)(key % 7));
                Cells.IdText(sink, id, style, ref Style);
                return;
            }
            case IdFlaw.Legacy15 when !style.IsPlain:
                if (sink.Format == FileFormat.Xlsx && Style.PerMille(300))
                {
                    sink.LegacyIdNumber(ResidentIdText.Legacy15(key));
                }
                else
                {
                    Cells.IdText(sink, ResidentIdText.Legacy15(key), style, ref Style);
                }
                return;
        }
        if (damaged)
        {
            sink.ExcelDamagedId(key);
            return;
        }
        Cells.Id(sink, key, style, ref Style);
    }

    /// <summary>
    /// A large sheet in parts within Excel's <see cref="XlsxExtractSink.MaxRows"/> rows, households kept whole,
    /// each part with its titles, header and 合计 footer.
    /// </summary>
    private sealed class XlsxParts(
        RosterWriter writer, string baseName, string sheet, (RosterColumn, string)[] layout, FileStyle style, long expectedRows, string[] titles)
    {
        private readonly RosterColumn[] _columns = layout.Select(c => c.Item1).ToArray();
        private readonly string[] _headers = layout.Select(c => c.Item2).ToArray();
        private ExtractSink? _sink;
        private int _part;
        private long _sequence;
        private long _households;
        private long _amount;

        public void Write(int household, int rows)
        {
            // Room for the household's rows, a blank row after each at worst, and the footer.
            if (_sink is not null && _sink.AllRows + 2 * rows + 1 > XlsxExtractSink.MaxRows)
            {
                Close();
            }
            if (_sink is null)
            {
                _part++;
                var suffix = expectedRows > XlsxExtractSink.MaxRows * 9L / 10 ? $"（{_part}）" : "";
                _sink = writer.OpenXlsx($"{baseName}{suffix}.xlsx", sheet, _headers);
                foreach (var title in titles)
                {
                    if (title.Length == 0)
                    {
                        _sink.BlankRow(_headers.Length);
                    }
                    else
                    {
                        _sink.TitleRow(title, _headers.Length);
                    }
                }
                _sink.HeaderRow(_headers);
                _sequence = 0;
                _households = 0;
                _amount = 0;
            }
            _sequence = writer.WriteHousehold(_sink, _columns, style, household, _sequence);
            _households++;
            _amount += writer.AmountOf(writer.Population.Households[household]);
        }

        public void Close()
        {
            var sink = _sink;
            if (sink is null)
            {
                return;
            }
            var persons = sink.DataRows;
            var households = _households;
            var amount = _amount;
            Footer(sink, _columns.Length, c => _columns[c] switch
            {
                RosterColumn.Sequence => () => sink.Text("合计"),
                RosterColumn.County or RosterColumn.Township => c == 1 ? () => sink.Text($"共{households}户{persons}人") : null,
                RosterColumn.MonthlyAmount => () => sink.MoneySum(amount),
                _ => null,
            });
            writer.Close(sink);
            _sink = null;
        }
    }
}
