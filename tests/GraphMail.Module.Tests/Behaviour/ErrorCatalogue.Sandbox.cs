using System.Collections.Generic;

namespace GraphMail.Module.Tests.Behaviour;

/// <summary>The sandbox cmdlets: a sandbox that is not there, a bad seed, a fault the sandbox refuses.</summary>
public sealed partial class ErrorCatalogueTests
{
    /// <summary>Runs a command against a sandbox of its own, started as a child of the runspace (these cmdlets take a started one).</summary>
    private static string OwnSandbox(string command) => $$"""
        $own = Start-GraphMailSandbox
        try { {{command}} }
        finally { Stop-GraphMailSandbox -Sandbox $own }
        """;

    private static Dictionary<string, Case> SandboxCases() => new()
    {
        ["SandboxNotStarted"] = new("Get-GraphMailSandboxMessage", false, null),
        ["SandboxStartFailed"] = new("$seed = Join-Path ([IO.Path]::GetTempPath()) ('graphmail-bad-seed-' + [guid]::NewGuid() + '.json'); Set-Content -LiteralPath $seed -Value '{ \"tenants\": 5 }'; try { Start-GraphMailSandbox -SeedPath $seed } finally { Remove-Item -LiteralPath $seed }", false, "$seed"),
        ["SandboxControlRefused"] = new(OwnSandbox("Add-GraphMailSandboxFault -Route token -Kind tokenExpired")),
        ["PathNotOnFileSystem"] = new("Start-GraphMailSandbox -SeedPath env:GRAPHMAIL_NO_SEED", false, "'env:GRAPHMAIL_NO_SEED'"),
        ["SandboxUnreachable"] = new("$own = Start-GraphMailSandbox\nStop-GraphMailSandbox -Sandbox $own\nGet-GraphMailSandboxMessage -Sandbox $own"),
    };
}
