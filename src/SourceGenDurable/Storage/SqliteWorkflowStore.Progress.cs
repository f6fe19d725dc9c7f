using SourceGenDurable.Client;

namespace SourceGenDurable.Storage;

/// <summary>Where an instance is among its steps, for the client's status; two reads by primary key.</summary>
public sealed partial class SqliteWorkflowStore
{
    /// <inheritdoc />
    public async Task<StepProgress> GetProgressAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        await using var connection = await OpenForReadingAsync(cancellationToken).ConfigureAwait(false);
        string? lastStep = null;
        DateTimeOffset? lastAt = null;
        await using (var last = Command(
            connection,
            null,
            "SELECT name, completed_at FROM workflow_steps WHERE instance_id = $id ORDER BY sequence DESC LIMIT 1;",
            [("$id", instance.Id)]))
        await using (var reader = await last.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                (lastStep, lastAt) = (reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
            }
        }

        // Failed attempts are recorded before the commit they precede; once it is made they belong to the history.
        await using var failing = Command(
            connection,
            null,
            "SELECT name, attempt FROM workflow_step_attempts WHERE instance_id = $id AND sequence = $next ORDER BY attempt DESC LIMIT 1;",
            [("$id", instance.Id), ("$next", instance.Commits + 1)]);
        await using var failed = await failing.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await failed.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StepProgress(lastStep, lastAt, failed.GetString(0), failed.GetInt32(1) + 1)
            : new StepProgress(lastStep, lastAt, null, 0);
    }
}
