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
                    throw StoreConventions.EventToFinished(id, name, status);
                }

                var now = Now();
                var sequence = statements.Prepared("INSERT INTO workflow_events (instance_id, name, payload, raised_at) VALUES ($id, $name, $payload, $now) RETURNING sequence;")
                    .Bind("$id", id)
                    .Bind("$name", name)
                    .Bind("$payload", payload)
                    .Bind("$now", now)
                    .ReadAll(row => row.GetInt64(0))
                    .Single();
                Execute(
                    statements,
                    $"""
                    UPDATE workflow_instances SET status = $running, wake_at = NULL, awaited_event = NULL, updated_at = $now
                    WHERE id = $id AND status = {Waiting} AND awaited_event IN ($name, '{StoreConventions.AnyEvent}');
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

    private static EventRecord ReadEvent(SqliteDataReader reader) => ReadEvent(new DataReaderRow(reader));

    /// <summary>The event at the current row of <see cref="EventColumns"/>.</summary>
    private static EventRecord ReadEvent<TRow>(TRow row)
        where TRow : ISqliteRow =>
        new(
            row.GetInt64(0),
            row.GetString(1),
            row.GetString(2),
            DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(3)),
            row.IsDBNull(4) ? null : (int)row.GetInt64(4),
            row.IsDBNull(5) ? null : row.GetString(5));
}
