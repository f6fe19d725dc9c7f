namespace SourceGenDurable.Tests.Conformance;

// The store contract on the sample memory store (samples/MemoryStore), written against the public contract alone: each test on a fresh database.
public sealed class MemoryStartContract : StartContract
{
    private protected override StoreFixture CreateFixture() => new MemoryStoreFixture();
}

public sealed class MemoryLeaseContract : LeaseContract
{
    private protected override StoreFixture CreateFixture() => new MemoryStoreFixture();
}

public sealed class MemoryCommitContract : CommitContract
{
    private protected override StoreFixture CreateFixture() => new MemoryStoreFixture();
}

public sealed class MemoryWaitContract : WaitContract
{
    private protected override StoreFixture CreateFixture() => new MemoryStoreFixture();
}

public sealed class MemoryChildContract : ChildContract
{
    private protected override StoreFixture CreateFixture() => new MemoryStoreFixture();
}

public sealed class MemoryFanOutContract : FanOutContract
{
    private protected override StoreFixture CreateFixture() => new MemoryStoreFixture();
}

public sealed class MemoryFinishContract : FinishContract
{
    private protected override StoreFixture CreateFixture() => new MemoryStoreFixture();
}

public sealed class MemoryCancellationContract : CancellationContract
{
    private protected override StoreFixture CreateFixture() => new MemoryStoreFixture();
}

public sealed class MemoryQueryContract : QueryContract
{
    private protected override StoreFixture CreateFixture() => new MemoryStoreFixture();
}

public sealed class MemoryInitializationContract : InitializationContract
{
    private protected override StoreFixture CreateFixture() => new MemoryStoreFixture();
}
