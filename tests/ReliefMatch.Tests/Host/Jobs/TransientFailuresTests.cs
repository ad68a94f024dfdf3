using Hangfire.Server;
using Npgsql;
using ReliefMatch.Core.Rules;
using ReliefMatch.Host.Jobs;
using ReliefMatch.Readers;

namespace ReliefMatch.Tests.Host.Jobs;

public sealed class TransientFailuresTests
{
    public static TheoryData<Exception, bool> Failures() => new()
    {
        { new NpgsqlException("Exception while reading from stream", new IOException("reset")), true },
        { new NpgsqlException("Exception while connecting", new TimeoutException()), true },
        { new PostgresException("could not serialize access", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure), true },
        { new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation), false },
        { new PostgresException("terminating connection due to immediate shutdown command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown), true },
        { new PostgresException("terminating connection because of crash of another server process", "FATAL", "FATAL", PostgresErrorCodes.CrashShutdown), true },
        { new PostgresException("the database system is starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow), true },
        { new IOException("The process cannot access the file because it is being used by another process."), true },
        { new TimeoutException(), true },
        { new JobPerformanceException("An exception occurred during performance of the job.", new IOException("disk busy")), true },
        { new FileNotFoundException("gone", "x.csv"), false },
        { new DirectoryNotFoundException("no inbox"), false },
        { new ExtractRefusedException("roster/x.csv", "required columns missing", []), false },
        { new RuleFileException("rules/x.yaml", 3, 1, "expected a mapping"), false },
        { new InvalidDataException("Unknown stored programme 'x'."), false },
        { new InvalidOperationException("a bug"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void IsTransient_Failure_OnlyPassingTroubleIsRetried(Exception failure, bool transient) =>
        Assert.Equal(transient, TransientFailures.IsTransient(failure));
}
