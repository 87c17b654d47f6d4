using System.Collections.Generic;

namespace GraphMail.Engine.Setup;

/// <summary>Every check in order, then the summary: what Test-GraphMailSetup writes.</summary>
public sealed class SetupReport
{
    internal SetupReport(IReadOnlyList<SetupCheckResult> checks, SetupSummary summary)
    {
        Checks = checks;
        Summary = summary;
    }

    public IReadOnlyList<SetupCheckResult> Checks { get; }

    public SetupSummary Summary { get; }
}
