using SourceGenDurable.Storage;

namespace SourceGenDurable.PostgreSql;

/// <summary>Where an instance is among its steps, for the client's status: one read by primary keys.</summary>
internal sealed partial class PostgresWorkflowStore
{
    /// <inheritdoc />
    public Task<StepProgress> GetProgressAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);

        // Failed attempts are recorded before the commit they precede; once it is made they belong to the history.
        return ReadAsync(
            async (commands, token) => (await commands.ReadFirstAsync(
                """
                SELECT last.name, last.completed_at, failing.name, failing.attempt FROM (SELECT 1) one
                LEFT JOIN (SELECT name, completed_at FROM workflow_steps WHERE instance_id = $1 ORDER BY sequence DESC LIMIT 1) last ON true
                LEFT JOIN (SELECT name, attempt FROM workflow_step_attempts WHERE instance_id = $1 AND sequence = $2 ORDER BY attempt DESC LIMIT 1) failing ON true;
                """,
                reader => new StepProgress(
                    reader.IsDBNull(0) ? null : reader.GetString(0),
                    reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? 0 : reader.GetInt32(3) + 1),
                token,
                instance.Id,
                instance.Commits + 1).ConfigureAwait(false))!,
            cancellationToken);
    }
}
