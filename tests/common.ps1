# Dot-sourced by every tests/<Cmdlet>.Tests.ps1 (in BeforeAll): imports the BUILT module from out/ and offers a
# GraphMail.Sandbox for the tests to talk to. Build first: dotnet build GraphMailModule.sln -c Release
# (./build.ps1 Test does both, and runs Pester in a child pwsh so the DLLs are not held by this session).

$script:RepositoryRoot = Split-Path -Parent $PSScriptRoot
$script:ModuleVersion = (Import-PowerShellDataFile (Join-Path $RepositoryRoot 'GraphMail.psd1')).ModuleVersion
$script:ModuleManifest = [System.IO.Path]::Combine($RepositoryRoot, 'out', 'GraphMail', $ModuleVersion, 'GraphMail.psd1')
$script:SandboxAssembly = [System.IO.Path]::Combine($RepositoryRoot, 'src', 'GraphMail.Sandbox', 'bin', 'Release', 'net8.0', 'GraphMail.Sandbox.dll')

if (-not (Test-Path -LiteralPath $ModuleManifest)) {
    throw "The built module is missing at $ModuleManifest. Run: dotnet build GraphMailModule.sln -c Release"
}

Import-Module -Name $ModuleManifest -Force -ErrorAction Stop

function Start-TestSandbox {
    <#
    .SYNOPSIS
    Starts GraphMail.Sandbox on a random loopback port and returns its ready line (as text and as an object).
    #>
    [CmdletBinding()]
    param(
        [string] $Seed
    )

    $connectionFile = Join-Path ([System.IO.Path]::GetTempPath()) ("graphmail-sandbox-" + [guid]::NewGuid() + '.json')
    $arguments = @($SandboxAssembly, '--port', '0', '--connection-file', $connectionFile)
    if ($Seed) {
        $arguments += @('--seed', $Seed)
    }

    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -PassThru -NoNewWindow -RedirectStandardOutput (Join-Path ([System.IO.Path]::GetTempPath()) ("graphmail-sandbox-" + [guid]::NewGuid() + '.out'))
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while (-not (Test-Path -LiteralPath $connectionFile)) {
        if ($process.HasExited) {
            throw "GraphMail.Sandbox exited with code $($process.ExitCode) before it was ready."
        }

        if ([DateTime]::UtcNow -gt $deadline) {
            Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
            throw 'GraphMail.Sandbox did not become ready within 60 seconds.'
        }

        Start-Sleep -Milliseconds 100
    }

    $readyLine = Get-Content -LiteralPath $connectionFile -Raw
    [pscustomobject]@{
        Process        = $process
        ConnectionFile = $connectionFile
        ReadyLine      = $readyLine
        Endpoint       = $readyLine | ConvertFrom-Json
    }
}

function Stop-TestSandbox {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        $Sandbox
    )

    if (-not $Sandbox.Process.HasExited) {
        Stop-Process -Id $Sandbox.Process.Id -ErrorAction SilentlyContinue
        $Sandbox.Process.WaitForExit(10000) | Out-Null
    }

    Remove-Item -LiteralPath $Sandbox.ConnectionFile -ErrorAction SilentlyContinue
}

function Invoke-SandboxControl {
    <#
    .SYNOPSIS
    Calls the sandbox control API (outside /v1.0), trusting only the sandbox's pinned certificate.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        $Sandbox,

        [Parameter(Mandatory)]
        [string] $Path,

        [string] $Method = 'GET',

        $Body
    )

    # A script block cannot be the certificate callback (it runs on a thread with no runspace): pin in C#.
    if (-not ('GraphMailTests.PinnedClient' -as [type])) {
        Add-Type -ReferencedAssemblies System.Net.Http -TypeDefinition @'
namespace GraphMailTests
{
    public static class PinnedClient
    {
        public static System.Net.Http.HttpClient Create(string sha256)
        {
            var handler = new System.Net.Http.HttpClientHandler();
            handler.ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) =>
            {
                if (errors == System.Net.Security.SslPolicyErrors.None) return true;
                if (!request.RequestUri.IsLoopback) return false;
                using (var sha = System.Security.Cryptography.SHA256.Create())
                {
                    var hex = System.BitConverter.ToString(sha.ComputeHash(certificate.RawData)).Replace("-", "");
                    return string.Equals(hex, sha256, System.StringComparison.OrdinalIgnoreCase);
                }
            };
            return new System.Net.Http.HttpClient(handler);
        }
    }
}
'@
    }

    $client = [GraphMailTests.PinnedClient]::Create($Sandbox.Endpoint.certificateSha256)
    try {
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($Method), $Sandbox.Endpoint.control.TrimEnd('/') + '/' + $Path.TrimStart('/'))
        if ($PSBoundParameters.ContainsKey('Body')) {
            $request.Content = [System.Net.Http.StringContent]::new(($Body | ConvertTo-Json -Depth 10), [System.Text.Encoding]::UTF8, 'application/json')
        }

        $response = $client.SendAsync($request).GetAwaiter().GetResult()
        $text = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
        if (-not $response.IsSuccessStatusCode) {
            throw "Sandbox control $Method $Path answered $([int]$response.StatusCode): $text"
        }

        if ($text) { $text | ConvertFrom-Json } else { $null }
    }
    finally {
        $client.Dispose()
    }
}
