using System.Runtime.CompilerServices;
using ReliefMatch.Core.Extracts;
using ReliefMatch.SampleData.Model;
using ReliefMatch.SampleData.Output;
using ReliefMatch.SampleData.Places;

namespace ReliefMatch.SampleData.Sources;

/// <summary>
/// 乡村振兴 防止返贫监测对象: one row per member of each monitored household. Messy: a GB18030 CSV with a
/// title, 序号, months alone for the identification date, several risks in one cell, and a 合计 row. Plain: one CSV.
/// </summary>
internal sealed class MonitoringWriter(SamplePopulation population, string outDir)
    : SourceWriter(population, outDir, SourceKind.Monitoring, 205)
{
    public static IReadOnlyList<string> PlainHeaders { get; } =
        ["姓名", "身份证号", "户编号", "与户主关系", "监测对象类别", "主要风险", "识别时间", "风险是否消除", "家庭年人均纯收入", "乡镇(街道)", "村(社区)"];

    private static readonly string[] MessyHeaders =
        ["序号", "县", "乡镇", "村", "户码", "姓名", "证件号码", "与户主关系", "监测类型", "致贫风险", "纳入监测时间", "是否消除风险", "人均纯收入（元）", "联系电话"];

    public override long ExpectedRows => Population.MonitoredMembers.Length;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Write()
    {
        var style = Plain ? FileStyle.Plain : new FileStyle
        {
            Dates = [(DateForm.ChineseMonth, 40), (DateForm.Month, 30), (DateForm.Iso, 20), (DateForm.CompactMonth, 10)],
            Money = [(MoneyForm.Plain, 75), (MoneyForm.Thousands, 25)],
            LowerX = 250, Apostrophe = 40, Spaces = 20, PaddedNames = 30, BlankRows = 10,
        };
        ExtractSink sink;
        if (Plain)
        {
            sink = OpenCsv($"monitoring-{CompactMonth}.csv", FileFormat.CsvUtf8);
            sink.HeaderRow(PlainHeaders);
        }
        else
        {
            sink = OpenCsv($"防返贫监测对象_{CompactMonth}.csv", FileFormat.CsvGb18030);
            sink.TitleRow($"{Gazetteer.Home.Name}防止返贫监测对象明细（{ChineseMonth}）", MessyHeaders.Length);
            sink.HeaderRow(MessyHeaders);
        }
        long sequence = 0;
        Span<char> householdId = stackalloc char[24];
        foreach (var household in Population.Monitored)
        {
            var village = Gazetteer.Villages[household.Village];
            village.Code.AsSpan().CopyTo(householdId);
            var idLength = village.Code.Length + TextFormats.Digits(householdId[village.Code.Length..], household.Serial % 10_000, 4);
            var risks = Risks(household.Risks, Plain ? "、" : Style.PerMille(800) ? "、" : ",");
            // One form per household: the members' rows repeat the household's cell.
            var identifiedForm = style.Date(ref Style);
            var incomeForm = style.Amount(ref Style);
            for (var m = household.FirstMember; m < household.FirstMember + household.MemberCount; m++)
            {
                ref readonly var member = ref Population.MonitoredMembers[m];
                ref readonly var person = ref Population.Persons[member.Person];
                sink.BeginRow();
                if (Plain)
                {
                    Cells.Name(sink, person.Name, style, ref Style);
                    Cells.Id(sink, person.Key, style, ref Style);
                    sink.Text(householdId[..idLength]);
                    sink.Text(member.Relation.Chinese());
                    sink.Text(SampleVocabulary.MonitorTypes[household.MonitorType]);
                    sink.Text(risks);
                    sink.Date(household.IdentifiedDay, DateForm.Iso);
                    sink.Text(household.Cleared ? "是" : "否");
                    sink.Money(household.IncomePerCapitaCents, MoneyForm.Plain);
                    sink.Text(village.Township.Name);
                    sink.Text(village.Name);
                }
                else
                {
                    sink.Integer(++sequence);
                    sink.Text(Gazetteer.Home.Name);
                    sink.Text(village.Township.Name);
                    sink.Text(village.Name);
                    sink.Text(householdId[..idLength]);
                    Cells.Name(sink, person.Name, style, ref Style);
                    Cells.Id(sink, person.Key, style, ref Style);
                    sink.Text(member.Relation.Chinese());
                    sink.Text(SampleVocabulary.MonitorTypes[household.MonitorType]);
                    sink.Text(risks);
                    sink.Date(household.IdentifiedDay, identifiedForm);
                    sink.Text(household.Cleared ? "是" : "否");
                    sink.Money(household.IncomePerCapitaCents, incomeForm);
                    sink.Empty();
                }
                sink.EndRow();
                if (style.Blank(ref Style))
                {
                    sink.BlankRow(MessyHeaders.Length);
                }
            }
        }
        if (!Plain)
        {
            var persons = sink.DataRows;
            var households = Population.Monitored.Length;
            Footer(sink, MessyHeaders.Length, c => c switch
            {
                0 => () => sink.Text("合计"),
                1 => () => sink.Text($"{households}户{persons}人"),
                _ => null,
            });
        }
        Close(sink);
    }

    private static string Risks(ushort mask, string separator)
    {
        var parts = new List<string>(2);
        for (var i = 0; i < SampleVocabulary.Risks.Count; i++)
        {
            if ((mask & 1 << i) != 0)
            {
                parts.Add(SampleVocabulary.Risks[i]);
            }
        }
        return string.Join(separator, parts);
    }
}
