namespace Linkage.Storage;

/// <summary>Which pairs a recorded run computes.</summary>
public enum LinkScope
{
    /// <summary>The run's own listings against the references (given or stored); other stored pairs are left as they are.</summary>
    Batch,

    /// <summary>
    /// Keeps the whole stored result current, recomputing only what changed since the last completed run: new or
    /// changed listings against all references, new or changed references against all current listings. Falls
    /// back to <see cref="Full"/> when the model or candidate cap differs from that run's, or it was not
    /// full or incremental.
    /// </summary>
    Incremental,

    /// <summary>Every stored reference against every current (not vanished) listing.</summary>
    Full,
}
