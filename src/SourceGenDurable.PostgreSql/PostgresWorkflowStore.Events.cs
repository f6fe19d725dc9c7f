using Npgsql;
using SourceGenDurable.Storage;

namespace SourceGenDurable.PostgreSql;

/// <summary>Events raised to an instance: its inbox, which waits take from in raise order.</summary>
internal sealed partial class PostgresWorkflowStore
{
    private const string EventColumns = "sequence, name, payload, raised_at, consumed_by_commit, rejected_reason";

    /// <inheritdoc />
    public Task<long> RaiseEventAsync(string id, string name, string payload, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            id,
            static async (context, write) =>
            {
                var (store, id, name, payload) = write;
                var commands = context.Commands;

                // The row is locked first: events of one instance get their sequences in the order they commit, and a
                // wait deciding to suspend the instance either sees this event or is woken by it.
                var status = await LockStatusAsync(commands, id, CancellationToken.None).ConfigureAwait(false);
                if (status is WorkflowStatus.Completed or WorkflowStatus.Failed or WorkflowStatus.Cancelled)
                {
                    throw StoreConventions.EventToFinished(id, name, status);
                }

                var now = store.Now();
                var sequence = (long)(await commands.ScalarAsync(
                    "INSERT INTO workflow_events (instance_id, name, payload, raised_at) VALUES ($1, $2, $3, $4) RETURNING sequence;",
                    CancellationToken.None,
                    id,
                    name,
                    payload,
                    now).ConfigureAwait(false))!;
                if (await WakeForEventAsync(commands, id, name, now).ConfigureAwait(false))
                {
                    context.WorkMade = true;
                }

                return sequence;
            },
            (Store: this, Id: id, Name: name, Payload: payload),
            cancellationToken);

    /// <summary>Wakes instance <paramref name="id"/> when it waits for <paramref name="name"/> (or for any of several events).</summary>
    private static async ValueTask<bool> WakeForEventAsync(PostgresCommands commands, string id, string name, DateTimeOffset now) =>
        await commands.ExecuteAsync(
            $"""
            UPDATE workflow_instances SET status = 0, wake_at = NULL, awaited_event = NULL, updated_at = $3
            WHERE id = $1 AND status = 5 AND awaited_event IN ($2, '{StoreConventions.AnyEvent}');
            """,
            CancellationToken.None,
            id,
            name,
            now).ConfigureAwait(false) == 1;

    /// <inheritdoc />
    public Task<IReadOnlyList<EventRecord>> GetEventsAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<EventRecord>>(
            async (commands, token) => await commands.ReadAllAsync($"SELECT {EventColumns} FROM workflow_events WHERE instance_id = $1 ORDER BY sequence;", ReadEvent, token, id)
                .ConfigureAwait(false),
            cancellationToken);

    /// <summary>The event at the current row of <see cref="EventColumns"/>.</summary>
    private static EventRecord ReadEvent(NpgsqlDataReader reader) =>
        new(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetFieldValue<DateTimeOffset>(3),
            reader.IsDBNull(4) ? null : reader.GetInt32(4),
            reader.IsDBNull(5) ? null : reader.GetString(5));
}
