namespace ReliefMatch.Tests.Infrastructure;

/// <summary>The test classes that share the run's <see cref="PostgresFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
