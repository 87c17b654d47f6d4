using System.Collections.Generic;

namespace GraphMail.Module.Tests.Behaviour;

/// <summary>The sandbox cmdlets: a sandbox that is not there, a bad seed, a fault the sandbox refuses.</summary>
public sealed partial class ErrorCatalogueTests
{
    private static Dictionary<string, Case> SandboxCases() => new()
    {
        ["SandboxNotStarted"] = new("Get-GraphMailSandboxMessage", false, null),
        ["SandboxStartFailed"] = new("$seed = Join-Path ([IO.Path]::GetTempPath()) ('graphmail-bad-seed-' + [guid]::NewGuid() + '.json'); Set-Content -LiteralPath $seed -Value '{ \"tenants\": 5 }'; try { Start-GraphMailSandbox -SeedPath $seed } finally { Remove-Item -LiteralPath $seed }", false, "$seed"),
        ["SandboxUnreachable"] = new(ClosedSandbox + "Get-GraphMailSandboxMessage -Sandbox $closed"),
        ["InvalidSandboxFault"] = new("Add-GraphMailSandboxFault -Sandbox $SandboxReadyLine -Route sendMail -Kind throttle -Count 2 -Ratio 0.5"),
        ["SandboxControlRefused"] = new("Add-GraphMailSandboxFault -Sandbox $SandboxReadyLine -Route token -Kind tokenExpired"),
    };
}
