using System;
using System.Collections.Generic;
using System.Linq;

namespace GraphMail.Engine.Setup.Checks;

/// <summary>
/// The results so far, in <see cref="SetupCheck"/> order. Once a check fails, every later one is skipped with that
/// reason: a layer is only worth testing when the layers under it work.
/// </summary>
internal sealed class CheckList
{
    private readonly Dictionary<SetupCheck, SetupCheckResult> _results = new();
    private readonly Action<SetupCheckResult> _recorded;

    /// <param name="recorded">Told each result as it is recorded (Test-GraphMailSetup -Verbose).</param>
    internal CheckList(Action<SetupCheckResult>? recorded = null) => _recorded = recorded ?? (_ => { });

    /// <summary>The first failed check, once there is one.</summary>
    internal SetupCheck? FailedAt { get; private set; }

    internal bool Blocked => FailedAt is not null;

    internal SetupCheckResult? this[SetupCheck check] => _results.TryGetValue(check, out var result) ? result : null;

    /// <summary>Records a result, unless an earlier check failed (then the check is skipped and its result dropped).</summary>
    internal void Add(SetupCheckResult result)
    {
        if (Blocked || _results.ContainsKey(result.Check))
        {
            return;
        }

        _results[result.Check] = result;
        if (result.Status == SetupCheckStatus.Failed)
        {
            FailedAt = result.Check;
        }

        _recorded(result);
    }

    internal void Skip(SetupCheck check, string reason) => Add(new SetupCheckResult(check, SetupCheckStatus.Skipped, reason));

    /// <summary>Every check in order; those never recorded are skipped, with the failure that stopped them.</summary>
    internal IReadOnlyList<SetupCheckResult> All() =>
        Enum.GetValues(typeof(SetupCheck)).Cast<SetupCheck>()
            .Select(check => this[check] ?? new SetupCheckResult(check, SetupCheckStatus.Skipped, SkipReason))
            .ToList();

    private string SkipReason => FailedAt is { } failed
        ? $"Not checked: the {failed} check failed, and this layer depends on it."
        : "Not checked.";
}
