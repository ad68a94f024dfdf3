using System.CommandLine;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using ReliefMatch.Core.Extracts;
using ReliefMatch.Host.Cli;
using ReliefMatch.Host.Runs;
using ReliefMatch.Host.Web.Accounts;
using ReliefMatch.Storage;
using ReliefMatch.Storage.Imports;
using ReliefMatch.Storage.Workplace;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Cli;

/// <summary>
/// <c>reliefmatch user …</c> against a real database, named the way an operator would (<c>RELIEFMATCH_DB</c>), with the
/// password on standard input.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class UserCommandTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2023, 8, 10, 2, 0, 0, TimeSpan.Zero));
    private string _connectionString = "";
    private readonly Dictionary<string, string?> _previous = [];

    public async Task InitializeAsync()
    {
        _connectionString = await postgres.CreateEmptyDatabaseAsync();
        foreach (var (name, value) in postgres.Environment(_connectionString))
        {
            _previous[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public Task DisposeAsync()
    {
        foreach (var (name, value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
        NpgsqlConnection.ClearAllPools();
        return Task.CompletedTask;
    }

    private Task<int> RunAsync(string stdin, params string[] args) => RunAsync(Installation.OfSample, stdin, new StringWriter(), args);

    private async Task<int> RunAsync(Installation installation, string stdin, StringWriter error, params string[] args)
    {
        var root = new RootCommand { CommonOptions.Home, CommonOptions.Rules, CommonOptions.Verbose };
        root.Subcommands.Add(UserCommand.Create(_time, installation));
        var (beforeIn, beforeError) = (Console.In, Console.Error);
        Console.SetIn(new StringReader(stdin));
        Console.SetError(error);
        try
        {
            return await CliErrors.InvokeAsync(root, args);
        }
        finally
        {
            Console.SetIn(beforeIn);
            Console.SetError(beforeError);
        }
    }

    private async Task<WorkplaceUser?> UserAsync(string name)
    {
        await using var database = await Database.OpenAsync(postgres.Options(_connectionString));
        return await new UserStore(database.DataSource, _time).FindAsync(name);
    }

    [Fact]
    public async Task Add_TownshipUserWithPasswordOnStdin_StoredHashed()
    {
        Assert.Equal(0, await RunAsync("correct horse 1\n", "user", "add", "luojin1", "--role", "township", "--township", "罗锦镇", "--password-stdin"));

        var user = await UserAsync("luojin1");
        Assert.Equal((UserRole.Township, "罗锦镇", true), (user!.Role, user.Township, user.Enabled));
        Assert.Equal((true, false), Passwords.Verify(user.PasswordHash, "correct horse 1"));
        Assert.Equal(0, await RunAsync("", "user", "list"));
    }

    [Theory]
    [InlineData("correct horse 1\n", "user", "add", "x", "--role", "township", "--password-stdin")]
    [InlineData("correct horse 1\n", "user", "add", "x", "--role", "county", "--township", "罗锦镇", "--password-stdin")]
    [InlineData("short\n", "user", "add", "x", "--role", "county", "--password-stdin")]
    [InlineData("correct horse 1\n", "user", "add", "x", "--role", "county")]
    [InlineData("", "user", "add", "x", "--role", "county", "--password-stdin")]
    public async Task Add_BadRequest_RefusedAndNothingStored(string stdin, params string[] args)
    {
        Assert.NotEqual(0, await RunAsync(stdin, args));
        Assert.Null(await UserAsync("x"));
    }

    [Fact]
    public async Task DisableEnableAndPassword_ExistingUser_Applied()
    {
        await RunAsync("correct horse 1\n", "user", "add", "county1", "--role", "county", "--password-stdin");
        var added = await UserAsync("county1");

        Assert.Equal(0, await RunAsync("", "user", "disable", "county1"));
        Assert.False((await UserAsync("county1"))!.Enabled);
        Assert.Equal(0, await RunAsync("", "user", "enable", "county1"));
        Assert.Equal(0, await RunAsync("another horse 2\n", "user", "password", "county1", "--password-stdin"));

        var user = await UserAsync("county1");
        Assert.True(user!.Enabled);
        Assert.NotEqual(added!.Stamp, user.Stamp);
        Assert.Equal((true, false), Passwords.Verify(user.PasswordHash, "another horse 2"));
        Assert.Equal(2, await RunAsync("", "user", "disable", "nobody"));
        Assert.Equal(2, await RunAsync("correct horse 1\n", "user", "add", "county1", "--role", "county", "--password-stdin"));
    }

    [Fact]
    public async Task Add_MistypedTownship_RefusedInChineseNamingTheNearSpelling()
    {
        var error = new StringWriter();

        Assert.Equal(2, await RunAsync(Installation.OfSample, "correct horse 1\n", error, "user", "add", "suqiao1", "--role", "township", "--township", "苏乔镇", "--password-stdin"));

        Assert.Null(await UserAsync("suqiao1"));
        Assert.Contains("乡镇“苏乔镇”不是本县名册中的乡镇", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("是否应为：苏桥镇？", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await RunAsync("correct horse 1\n", "user", "add", "suqiao1", "--role", "township", "--township", "苏桥镇", "--password-stdin"));
    }

    [Fact]
    public async Task Add_TownshipOnlyAnImportedRosterNames_Accepted()
    {
        var unlisted = Installation.OfSample with { Townships = [] };
        var folder = TempFolder.Create("reliefmatch-user-roster");
        try
        {
            var none = new StringWriter();
            Assert.Equal(2, await RunAsync(unlisted, "correct horse 1\n", none, "user", "add", "x1", "--role", "township", "--township", "新村乡", "--password-stdin"));
            Assert.Contains("还没有导入名册", none.ToString(), StringComparison.Ordinal);

            var path = Path.Combine(folder, "roster.csv");
            await File.WriteAllTextAsync(path, $"区划代码,乡镇,家庭编号,姓名,身份证号,救助类别,保障状态\r\n450326,新村乡,H1,张一,{TestRecords.IdNumber(1)},农村低保,在保\r\n");
            await using (var database = await Database.OpenAsync(postgres.Options(_connectionString)))
            {
                Assert.Null((await new ExtractImporter(database.DataSource, _time, readerOptions: Readers.TestExtracts.Options).ImportFileAsync(path, SourceKind.Roster, new(2023, 7))).RefusedReason);
            }

            Assert.Equal(0, await RunAsync(unlisted, "correct horse 1\n", new StringWriter(), "user", "add", "x1", "--role", "township", "--township", "新村乡", "--password-stdin"));
            var far = new StringWriter();
            Assert.Equal(2, await RunAsync(unlisted, "correct horse 1\n", far, "user", "add", "x2", "--role", "township", "--township", "罗锦镇", "--password-stdin"));
            Assert.Contains("本县的乡镇有：新村乡。", far.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}
