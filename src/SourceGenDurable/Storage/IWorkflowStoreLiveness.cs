namespace SourceGenDurable.Storage;

/// <summary>
/// A store shared by several hosts in which a host proves it is alive through a session with the server, and the other
/// hosts end a host's leases as soon as that proof is gone, without waiting for them to expire. A host that only lost
/// its session is still running, and must not go on with instances another host may be running already: when told that
/// its liveness is lost, the host's worker stops its runs before their next step or wait, takes no new lease, and goes
/// on once it is told that liveness is back.
/// </summary>
/// <remarks>
/// A store that implements it refuses <see cref="IWorkflowStore.AcquireLeaseAsync"/> while liveness is lost, and, once
/// it is back, ends every lease this worker still holds before it reports so: the runs it stopped hold none any more.
/// </remarks>
public interface IWorkflowStoreLiveness
{
    /// <summary>Whether this host's liveness is established: while it is not, other hosts may end its leases at any moment.</summary>
    bool IsAlive { get; }

    /// <summary>
    /// Calls <paramref name="onChange"/> with the new value of <see cref="IsAlive"/> whenever it changes, until the
    /// returned subscription is disposed. The callback must be cheap.
    /// </summary>
    IDisposable SubscribeToLiveness(Action<bool> onChange);
}
