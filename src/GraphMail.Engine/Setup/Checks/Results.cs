namespace GraphMail.Engine.Setup.Checks;

/// <summary>Short hands for check results, and the one way an engine error becomes a failed check.</summary>
internal static class Results
{
    internal static SetupCheckResult Passed(SetupCheck check, string detail, GraphMailException? evidence = null) =>
        new(check, SetupCheckStatus.Passed, detail, null, null, evidence?.ServiceCode, evidence?.RequestId);

    internal static SetupCheckResult Failed(SetupCheck check, string detail, string? remedy, GraphMailException? evidence = null) =>
        new(check, SetupCheckStatus.Failed, detail, remedy, null, evidence?.ServiceCode, evidence?.RequestId);

    internal static SetupCheckResult Warning(SetupCheck check, string detail, string? remedy) => new(check, SetupCheckStatus.Warning, detail, remedy);

    /// <summary>A change still on its way to Graph: a warning that says when to look again.</summary>
    internal static SetupCheckResult Propagating(SetupCheck check, string detail, Propagation.PropagationWindow window, GraphMailException? evidence = null) =>
        new(check, SetupCheckStatus.Warning, detail + " " + window.RetryText(), "Run Test-GraphMailSetup again after " + window.Format(window.RetryAfter) + ".",
            window.RetryAfter, evidence?.ServiceCode, evidence?.RequestId);

    /// <summary>The engine's own words for what went wrong: its cause, and its fix as the remedy.</summary>
    internal static SetupCheckResult From(SetupCheck check, GraphMailException error, string? prefix = null) =>
        Failed(check, (prefix is null ? string.Empty : prefix + " ") + error.Cause, error.Fix, error);
}
