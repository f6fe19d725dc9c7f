namespace SourceGenDurable;

/// <summary>SQLite's <c>PRAGMA synchronous</c> levels that keep a WAL database consistent.</summary>
public enum SqliteSynchronousMode
{
    /// <summary>Every commit is flushed to disk: a committed checkpoint survives power loss. The default.</summary>
    Full = 0,

    /// <summary>Commits survive a process crash but the last ones may be lost on power loss.</summary>
    Normal = 1,
}
