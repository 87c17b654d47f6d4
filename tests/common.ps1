# Dot-sourced by every tests/<Cmdlet>.Tests.ps1 (in BeforeAll): imports the BUILT module from out/ and offers a
# GraphMail.Sandbox for the tests to talk to, started by the module's own Start-GraphMailSandbox from the sandbox/
# folder the build lays out. Build first: dotnet build GraphMailModule.sln -c Release
# (./build.ps1 Test does both, and runs Pester in a child pwsh so the DLLs are not held by this session).

$script:RepositoryRoot = Split-Path -Parent $PSScriptRoot
$script:ModuleVersion = (& ([System.IO.Path]::Combine($RepositoryRoot, 'tools', 'Read-ModuleManifest.ps1')) (Join-Path $RepositoryRoot 'GraphMail.psd1')).ModuleVersion
$script:ModuleManifest = [System.IO.Path]::Combine($RepositoryRoot, 'out', 'GraphMail', $ModuleVersion, 'GraphMail.psd1')

if (-not (Test-Path -LiteralPath $ModuleManifest)) {
    throw "The built module is missing at $ModuleManifest. Run: dotnet build GraphMailModule.sln -c Release"
}

Import-Module -Name $ModuleManifest -Force -ErrorAction Stop

function Start-TestSandbox {
    <#
    .SYNOPSIS
    Start-GraphMailSandbox, plus the ready line as an object in Endpoint (managedIdentity, graph, certificateSha256...).
    #>
    [CmdletBinding()]
    param(
        [string] $Seed
    )

    $parameters = @{}
    if ($Seed) {
        $parameters.SeedPath = $Seed
    }

    $sandbox = Start-GraphMailSandbox @parameters -ErrorAction Stop
    $sandbox | Add-Member -NotePropertyName Endpoint -NotePropertyValue ($sandbox.ReadyLine | ConvertFrom-Json) -PassThru
}

function Stop-TestSandbox {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [AllowNull()]
        $Sandbox
    )

    # The suite's files share one session: what a file signed in to its sandbox must not reach the next file.
    Disconnect-GraphMail -WarningAction SilentlyContinue
    Disconnect-GraphMailAdmin -WarningAction SilentlyContinue
    if ($Sandbox) {
        Stop-GraphMailSandbox -Sandbox $Sandbox
    }
}

function New-SandboxHttpClient {
    <#
    .SYNOPSIS
    An HttpClient that trusts only the sandbox's certificate (by its SHA-256 pin), and only on loopback.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        $Sandbox
    )

    # A script block cannot be the certificate callback (it runs on a thread with no runspace): pin in C#.
    # PowerShell 7 compiles against every reference assembly it ships (naming some would replace them, and
    # X509Certificate2 lives in System.Security.Cryptography there); Windows PowerShell needs System.Net.Http named.
    if (-not ('GraphMailTests.PinnedClient' -as [type])) {
        $references = if ($PSVersionTable.PSEdition -eq 'Desktop') { @{ ReferencedAssemblies = 'System.Net.Http' } } else { @{} }
        Add-Type @references -TypeDefinition @'
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

    [GraphMailTests.PinnedClient]::Create(($Sandbox.ReadyLine | ConvertFrom-Json).certificateSha256)
}

function Invoke-SandboxControl {
    <#
    .SYNOPSIS
    Calls the sandbox control API (outside /v1.0) for what the GraphMailSandbox cmdlets do not cover (requests, settings).
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

    $client = New-SandboxHttpClient -Sandbox $Sandbox
    try {
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($Method), $Sandbox.ControlUri.ToString().TrimEnd('/') + '/' + $Path.TrimStart('/'))
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

function Send-SandboxTestMail {
    <#
    .SYNOPSIS
    Sends one message to the sandbox over raw HTTP as the default seed's sender app (a token, then sendMail), so the
    sandbox cmdlets can be tested without Send-GraphMail. Returns the HTTP status and the Retry-After seconds.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        $Sandbox,

        [Parameter(Mandatory)]
        [hashtable] $Message,

        [string] $Mailbox = 'noreply@contoso.com'
    )

    $client = New-SandboxHttpClient -Sandbox $Sandbox
    try {
        $form = [System.Collections.Generic.Dictionary[string, string]]::new()
        $form['client_id'] = '51c27551-41e7-4952-a996-08bd0bfb1752'
        $form['client_secret'] = 'Sbx8Q~GraphMailSender.Secret-0001'
        $form['scope'] = 'https://graph.microsoft.com/.default'
        $form['grant_type'] = 'client_credentials'
        $tokenResponse = $client.PostAsync($Sandbox.AuthorityUri.ToString() + 'contoso.com/oauth2/v2.0/token', [System.Net.Http.FormUrlEncodedContent]::new($form)).GetAwaiter().GetResult()
        $token = ($tokenResponse.Content.ReadAsStringAsync().GetAwaiter().GetResult() | ConvertFrom-Json).access_token

        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Post, "$($Sandbox.GraphUri)/users/$Mailbox/sendMail")
        $request.Headers.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Bearer', $token)
        $body = @{ message = $Message; saveToSentItems = $false } | ConvertTo-Json -Depth 10
        $request.Content = [System.Net.Http.StringContent]::new($body, [System.Text.Encoding]::UTF8, 'application/json')
        $response = $client.SendAsync($request).GetAwaiter().GetResult()
        [pscustomobject]@{
            StatusCode        = [int]$response.StatusCode
            RetryAfterSeconds = if ($response.Headers.RetryAfter) { $response.Headers.RetryAfter.Delta.TotalSeconds } else { $null }
        }
    }
    finally {
        $client.Dispose()
    }
}

function New-SandboxTestMessage {
    <#
    .SYNOPSIS
    A minimal sendMail message (as a hashtable for Send-SandboxTestMail).
    #>
    [CmdletBinding()]
    param(
        [string] $Subject = 'Hello',

        [string] $To = 'someone@example.com'
    )

    @{
        subject      = $Subject
        body         = @{ contentType = 'Text'; content = 'Hi' }
        toRecipients = @(@{ emailAddress = @{ address = $To } })
    }
}
