using SourceGenDurable.Storage;


namespace SourceGenDurable.Sqlite;

/// <summary>Where an instance is among its steps, for the client's status; two reads by primary key.</summary>
internal sealed partial class SqliteWorkflowStore
{
    /// <inheritdoc />
    public Task<StepProgress> GetProgressAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return ReadAsync(
            statements =>
            {
                var last = ReadAll(
                    statements.For($"SELECT name, completed_at FROM workflow_steps WHERE instance_key = {KeyOfInstance} ORDER BY sequence DESC LIMIT 1;", [("$id", instance.Id)]),
                    reader => (Name: reader.GetString(0), At: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))));

                // Failed attempts are recorded before the commit they precede; once it is made they belong to the history.
                var failing = ReadAll(
                    statements.For(
                        "SELECT name, attempt FROM workflow_step_attempts WHERE instance_id = $id AND sequence = $next ORDER BY attempt DESC LIMIT 1;",
                        [("$id", instance.Id), ("$next", instance.Commits + 1)]),
                    reader => (Name: reader.GetString(0), Attempt: reader.GetInt32(1)));
                var (lastStep, lastAt) = last.Count > 0 ? (last[0].Name, (DateTimeOffset?)last[0].At) : (null, null);
                return failing.Count > 0
                    ? new StepProgress(lastStep, lastAt, failing[0].Name, failing[0].Attempt + 1)
                    : new StepProgress(lastStep, lastAt, null, 0);
            },
            cancellationToken);
    }
}
