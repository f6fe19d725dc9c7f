namespace SourceGenDurable.Tests.Conformance;

// The store contract on SQLite: each test on a fresh temporary file.
public sealed class SqliteStartContract : StartContract
{
    private protected override StoreFixture CreateFixture() => new SqliteStoreFixture();
}

public sealed class SqliteLeaseContract : LeaseContract
{
    private protected override StoreFixture CreateFixture() => new SqliteStoreFixture();
}

public sealed class SqliteCommitContract : CommitContract
{
    private protected override StoreFixture CreateFixture() => new SqliteStoreFixture();
}

public sealed class SqliteWaitContract : WaitContract
{
    private protected override StoreFixture CreateFixture() => new SqliteStoreFixture();
}

public sealed class SqliteChildContract : ChildContract
{
    private protected override StoreFixture CreateFixture() => new SqliteStoreFixture();
}

public sealed class SqliteFanOutContract : FanOutContract
{
    private protected override StoreFixture CreateFixture() => new SqliteStoreFixture();
}

public sealed class SqliteFinishContract : FinishContract
{
    private protected override StoreFixture CreateFixture() => new SqliteStoreFixture();
}

public sealed class SqliteCancellationContract : CancellationContract
{
    private protected override StoreFixture CreateFixture() => new SqliteStoreFixture();
}

public sealed class SqliteQueryContract : QueryContract
{
    private protected override StoreFixture CreateFixture() => new SqliteStoreFixture();
}

public sealed class SqliteInitializationContract : InitializationContract
{
    private protected override StoreFixture CreateFixture() => new SqliteStoreFixture();
}
