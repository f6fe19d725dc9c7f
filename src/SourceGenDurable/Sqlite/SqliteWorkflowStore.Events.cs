using Microsoft.Data.Sqlite;
using SourceGenDurable.Storage;

namespace SourceGenDurable.Sqlite;

/// <summary>Events raised to an instance: its inbox, which waits take from in raise order.</summary>
internal sealed partial class SqliteWorkflowStore
{
    private const string EventColumns = "sequence, name, payload, raised_at, consumed_by_commit, rejected_reason";

    /// <inheritdoc />
    public Task<long> RaiseEventAsync(string id, string name, string payload, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            statements =>
            {
                var status = ReadStatus(statements, id);
                if (status is WorkflowStatus.Completed or WorkflowStatus.Failed or WorkflowStatus.Cancelled)
                {
                    throw new WorkflowFinishedException(
                        id,
                        status,
                        $"Event '{name}' cannot be raised to workflow '{id}': it is {status}, so no wait will ever receive it. Raise events only to unfinished instances.");
                }

                var now = Now();
                var insert = statements.For("INSERT INTO workflow_events (instance_id, name, payload, raised_at) VALUES ($id, $name, $payload, $now) RETURNING sequence;");
                insert.Set("$id", id);
                insert.Set("$name", name);
                insert.Set("$payload", payload);
                insert.Set("$now", now);
                var sequence = (long)insert.ExecuteScalar()!;
                Execute(
                    statements,
                    $"""
                    UPDATE workflow_instances SET status = $running, wake_at = NULL, awaited_event = NULL, updated_at = $now
                    WHERE id = $id AND status = {Waiting} AND awaited_event IN ($name, '{AnyEvent}');
                    """,
                    ("$id", id),
                    ("$name", name),
                    ("$running", (int)WorkflowStatus.Running),
                    ("$now", now));
                return sequence;
            },
            cancellationToken);

    /// <summary>The events <paramref name="where"/> selects, in the order it gives.</summary>
    private static List<EventRecord> ReadEvents(SqliteStatements statements, string where, params (string Name, object Value)[] parameters) =>
        ReadAll(statements.For($"SELECT {EventColumns} FROM workflow_events WHERE {where};", parameters), ReadEvent);

    /// <summary>The event at the reader's current row of <see cref="EventColumns"/>.</summary>
    private static EventRecord ReadEvent(SqliteDataReader reader) =>
        new(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.GetString(2),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
            reader.IsDBNull(4) ? null : reader.GetInt32(4),
            reader.IsDBNull(5) ? null : reader.GetString(5));
}
