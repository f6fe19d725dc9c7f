namespace SourceGenDurable.Tests.Conformance;

// The store contract on PostgreSQL: each test in a fresh schema of the test server; skipped without one (see StoreFactAttribute).
[RequiresPostgres]
public sealed class PostgresStartContract : StartContract
{
    private protected override StoreFixture CreateFixture() => new PostgresStoreFixture();
}

[RequiresPostgres]
public sealed class PostgresLeaseContract : LeaseContract
{
    private protected override StoreFixture CreateFixture() => new PostgresStoreFixture();
}

[RequiresPostgres]
public sealed class PostgresCommitContract : CommitContract
{
    private protected override StoreFixture CreateFixture() => new PostgresStoreFixture();
}

[RequiresPostgres]
public sealed class PostgresWaitContract : WaitContract
{
    private protected override StoreFixture CreateFixture() => new PostgresStoreFixture();
}

[RequiresPostgres]
public sealed class PostgresChildContract : ChildContract
{
    private protected override StoreFixture CreateFixture() => new PostgresStoreFixture();
}

[RequiresPostgres]
public sealed class PostgresFanOutContract : FanOutContract
{
    private protected override StoreFixture CreateFixture() => new PostgresStoreFixture();
}

[RequiresPostgres]
public sealed class PostgresFinishContract : FinishContract
{
    private protected override StoreFixture CreateFixture() => new PostgresStoreFixture();
}

[RequiresPostgres]
public sealed class PostgresCancellationContract : CancellationContract
{
    private protected override StoreFixture CreateFixture() => new PostgresStoreFixture();
}

[RequiresPostgres]
public sealed class PostgresQueryContract : QueryContract
{
    private protected override StoreFixture CreateFixture() => new PostgresStoreFixture();
}

[RequiresPostgres]
public sealed class PostgresInitializationContract : InitializationContract
{
    private protected override StoreFixture CreateFixture() => new PostgresStoreFixture();
}
