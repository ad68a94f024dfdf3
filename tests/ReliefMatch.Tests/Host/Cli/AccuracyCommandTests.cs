using ReliefMatch.Core.Accuracy;
using ReliefMatch.Core.Periods;
using ReliefMatch.Host.Accuracy;
using ReliefMatch.Host.Cli;
using Spectre.Console;

namespace ReliefMatch.Tests.Host.Cli;

public sealed class AccuracyCommandTests
{
    [Fact]
    public void Print_RulesTownshipsReasonsAndMissRate_InChinese()
    {
        var accuracy = new MonthAccuracy(new ReportingMonth(2023, 7),
            [new RuleAccuracy("deceased-recipient", new OutcomeTally(2, 3, 2),
                [KeyValuePair.Create("罗锦镇", new OutcomeTally(2, 2, 1)), KeyValuePair.Create("苏桥镇", new OutcomeTally(0, 1, 1))],
                [new ReasonCount("本人健在,公安误报", 2), new ReasonCount("同名同姓,非本人", 1)])],
            new ControlTally(1, 4, 25), [KeyValuePair.Create("罗锦镇", new ControlTally(1, 3, 16)), KeyValuePair.Create("苏桥镇", new ControlTally(0, 1, 9))],
            [new ReasonCount("家中新购轿车,收入超标", 1)]) { HasControlList = true };
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 160;

        AccuracyCommand.Print(console, accuracy, id => id == "deceased-recipient" ? "死亡人员仍在享受救助" : id);

        var text = writer.ToString();
        Assert.Contains("2023年7月 各规则准确率", text, StringComparison.Ordinal);
        Assert.Matches(@"死亡人员仍在享受救助\s*│\s*7\s*│\s*2\s*│\s*3\s*│\s*2\s*│\s*40\.0%\s*│\s*5", text);
        Assert.Matches(@"苏桥镇\s*│\s*2\s*│\s*0\s*│\s*1\s*│\s*1\s*│\s*0\.0%\s*│\s*1", text);
        Assert.Contains("死亡人员仍在享受救助 不属实理由：本人健在,公安误报 ×2；同名同姓,非本人 ×1", text, StringComparison.Ordinal);
        Assert.Matches(@"合计\s*│\s*30\s*│\s*1\s*│\s*4\s*│\s*25\s*│\s*20\.0%\s*│\s*5", text);
        Assert.Contains("对照抽查发现的问题：家中新购轿车,收入超标 ×1", text, StringComparison.Ordinal);
    }
}
