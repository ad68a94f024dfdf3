using ReliefMatch.Core.Extracts;
using ReliefMatch.Core.Periods;
using ReliefMatch.SampleData.Model;
using ReliefMatch.SampleData.Output;
using ReliefMatch.SampleData.Places;
using ReliefMatch.SampleData.Plan;

namespace ReliefMatch.SampleData.Sources;

/// <summary>
/// 惠民惠农“一卡通” 发放明细: one payment per enrolled home household per month, the 12 months ending P, to the
/// household's account. Messy: the 11 months before P as a GB18030 CSV with a title and a 合计 row (资金所属期 spelt
/// every way), and P as a spreadsheet whose amounts are in 万元, with the month's arrears, the planted payments to
/// people not enrolled, and a 耕地地力保护补贴 row that is no assistance. Plain: one CSV.
/// </summary>
internal sealed class PaymentsWriter(SamplePopulation population, PlanCounty plan, string outDir)
    : DeclaredSourceWriter(population, plan, outDir, "payments", 310)
{
    private static readonly string[][] ItemSpellings = [["城市低保", "城镇低保", "城市最低生活保障"], ["农村低保", "农村最低生活保障"], ["特困供养", "特困人员救助供养"]];

    public override long ExpectedRows => Population.HomeHouseholdCount * 12L;

    public override void Write()
    {
        var before = Plan.Period.Previous;
        if (Plain)
        {
            WriteFile($"payments-{CompactMonth}.csv", null, Rows(Plan.FirstPaidMonth, Plan.Period));
            return;
        }
        var style = new FileStyle
        {
            Dates = [(DateForm.Iso, 60), (DateForm.Compact, 25), (DateForm.Slash, 15)],
            Money = [(MoneyForm.Plain, 80), (MoneyForm.Thousands, 20)],
            Apostrophe = 300, PaddedNames = 20, BlankRows = 5,
        };
        WriteFile("", new DeclaredFile($"惠民惠农一卡通发放明细_{CompactMonth}.csv", FileFormat.CsvGb18030,
            [$"{Gazetteer.Home.Name}惠民惠农财政补贴资金“一卡通”发放明细（{Plan.FirstPaidMonth.Year}年{Plan.FirstPaidMonth.Month}月至{before.Year}年{before.Month}月）", $"导出日期：{ExportDay:yyyy-MM-dd}"],
            [Column.Other("序号"), new("township", 1), new("village", 1), new("household_id", 1), new("name", 1), new("id_number", 2), new("account", 1),
             new("item", 1), new("paid_month", 1), new("amount", 0, "（元）"), new("paid_on", 0)],
            style, Footer: true, SumField: "amount"), Rows(Plan.FirstPaidMonth, before));
        WriteFile("", new DeclaredFile($"一卡通发放明细_{CompactMonth}.xlsx", FileFormat.Xlsx, [$"{Gazetteer.Home.Name}{ChineseMonth}救助资金发放"],
            [Column.Other("序号"), new("name", 0), new("id_number", 0), new("account", 2), new("item", 0), new("paid_month", 2), new("amount", 0, "(万元)"), new("household_id", 0), new("paid_on", 1)],
            new FileStyle { Dates = [(DateForm.Cell, 1)], LowerX = 300 }), Rows(Plan.Period, Plan.Period));
    }

    private IEnumerable<object?[]> Rows(ReportingMonth from, ReportingMonth to)
    {
        for (var month = from; month <= to; month = month.Next)
        {
            for (var h = 0; h < Population.HomeHouseholdCount; h++)
            {
                var payee = Plan.Payee(h, month);
                if (payee < 0 || !Plan.IsPaid(h, month))
                {
                    continue;
                }
                var cents = Plan.PaidCents(h, month);
                var item = Item(Population.Households[h].Programme);
                var account = Plan.AccountOf(h, month);
                if (month == Plan.Period && Plan.IsSplitInP(h))
                {
                    yield return Row(payee, account, month, cents - 10_000, item, h);
                    yield return Row(payee, account, month, 10_000, item, h);
                }
                else
                {
                    yield return Row(payee, account, month, cents, item, h);
                }
            }
            if (month == Plan.Period)
            {
                foreach (var extra in Plan.ExtraPayments)
                {
                    yield return Row(extra.Person, extra.Account, month, extra.Cents, extra.Item, extra.Household);
                }
            }
        }
    }

    private string Item(Programme programme)
    {
        var spellings = ItemSpellings[programme switch { Programme.UrbanDibao => 0, Programme.RuralDibao => 1, _ => 2 }];
        return Plain || !Style.PerMille(150) ? spellings[0] : spellings[1 + Style.Next(spellings.Length - 1)];
    }

    private object?[] Row(int person, string account, ReportingMonth month, long cents, string item, int household)
    {
        var (township, village) = PlaceOf(person);
        var paidOn = month.First.AddDays(9 + (household < 0 ? 0 : household % 5)).DayNumber;
        return [NameOf(person), IdOf(person), account, new MonthCell(month.Year, month.Month), new MoneyCell(cents), item,
            household < 0 ? null : Plan.HouseholdId(household), new DayCell(paidOn), township, village];
    }
}
