namespace SourceGenDurable;

/// <summary>The store cannot be opened or used; the message names the location and the reason.</summary>
public sealed class DurableStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DurableStoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
