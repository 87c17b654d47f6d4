namespace GraphMail;

/// <summary>How one setup check ended.</summary>
public enum SetupCheckStatus
{
    Passed,
    Failed,

    /// <summary>Works, but not as it should (excess permissions), or not yet (a change still propagating).</summary>
    Warning,

    /// <summary>Not run: an earlier check failed, or its input was not given; Detail says which.</summary>
    Skipped,
}
