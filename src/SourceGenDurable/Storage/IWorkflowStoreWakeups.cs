namespace SourceGenDurable.Storage;

/// <summary>
/// A store shared by several hosts that can tell a host at once when another one made work for it (started, woke,
/// cancelled or released an instance, or set a timer), so that hosts act within milliseconds rather than at their next
/// poll. A store that implements it is subscribed to by the host's worker; polling stays the fallback.
/// </summary>
public interface IWorkflowStoreWakeups
{
    /// <summary>
    /// Calls <paramref name="onWork"/> whenever another host may have made work for this one, until the returned
    /// subscription is disposed. The callback must be cheap: it only asks the worker to look through the store.
    /// </summary>
    IDisposable SubscribeToWork(Action onWork);
}
