using System.Collections.Generic;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Module.Tests.Behaviour;

/// <summary>
/// Connect-GraphMail's credentials: certificate files made on the fly in $Folder, what the sandbox's Entra ID answers
/// (its seed has an expired secret and knows only its registered certificates), managed identity through the
/// sandbox only, and a token service that is down, closed or not the one pinned.
/// </summary>
public sealed partial class ErrorCatalogueTests
{
    private const string ExpiredAppId = "82e23bf3-c80d-4e5c-a4d5-de91de9b757e";
    private const string UnknownId = "0b0b0b0b-1111-4222-8333-444444444444";
    private const string FabrikamTenantId = "8ff4fa5b-3567-416c-abff-c037a09fea0b";
    private const string Thumbprint = "ABABABABABABABABABABABABABABABABABABABAB";

    /// <summary>A new self-signed RSA certificate with its key in $certificate; $password is its PFX password.</summary>
    private const string NewRsaCertificate = """
        $key = [Security.Cryptography.RSA]::Create(2048)
        $request = [Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=GraphMail catalogue', $key, [Security.Cryptography.HashAlgorithmName]::SHA256, [Security.Cryptography.RSASignaturePadding]::Pkcs1)
        $certificate = $request.CreateSelfSigned([datetimeoffset]::UtcNow.AddDays(-1), [datetimeoffset]::UtcNow.AddDays(1))
        $password = ConvertTo-SecureString 'catalogue-password' -AsPlainText -Force

        """;

    /// <summary>The ready line with the sandbox's port replaced by a closed one (9, discard).</summary>
    private const string ClosedSandbox = """
        $closed = $SandboxReadyLine -replace '127\.0\.0\.1:\d+', '127.0.0.1:9'

        """;

    private static Dictionary<string, Case> CredentialCases() => new()
    {
        // Certificate files and the store
        ["CertificateNotFound"] = new($"Connect-GraphMail -TenantId contoso.com -ClientId {App} -CertificateThumbprint {Thumbprint}", Target: $"'{Thumbprint}'"),
        ["CertificateWithoutPrivateKey"] = new(NewRsaCertificate + $"""
            $path = Join-Path $Folder 'public.cer'
            [IO.File]::WriteAllBytes($path, $certificate.Export('Cert'))
            Connect-GraphMail -TenantId contoso.com -ClientId {App} -CertificatePath $path
            """, Target: "$path"),
        ["CertificatePasswordIncorrect"] = new(NewRsaCertificate + $"""
            $path = Join-Path $Folder 'app.pfx'
            [IO.File]::WriteAllBytes($path, $certificate.Export('Pfx', 'the-right-one'))
            Connect-GraphMail -TenantId contoso.com -ClientId {App} -CertificatePath $path -CertificatePassword $password
            """, Target: "$path"),
        ["CertificateKeyNotSupported"] = new($"""
            $key = [Security.Cryptography.ECDsa]::Create()
            $certificate = [Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=GraphMail catalogue', $key, [Security.Cryptography.HashAlgorithmName]::SHA256).CreateSelfSigned([datetimeoffset]::UtcNow.AddDays(-1), [datetimeoffset]::UtcNow.AddDays(1))
            $path = Join-Path $Folder 'ecdsa.pfx'
            [IO.File]::WriteAllBytes($path, $certificate.Export('Pfx', 'catalogue-password'))
            Connect-GraphMail -TenantId contoso.com -ClientId {App} -CertificatePath $path -CertificatePassword (ConvertTo-SecureString 'catalogue-password' -AsPlainText -Force)
            """, Target: "$path"),
        ["CertificateFileUnreadable"] = new($"""
            $path = Join-Path $Folder 'notes.pfx'
            Set-Content -LiteralPath $path -Value 'not a certificate'
            Connect-GraphMail -TenantId contoso.com -ClientId {App} -CertificatePath $path
            """, Target: "$path"),

        // What the sandbox's Entra ID answered
        ["ClientSecretInvalid"] = new($"Connect-GraphMail {Sandbox} -TenantId contoso.com -ClientId {App} -ClientSecret (ConvertTo-SecureString 'Sbx8Q~wrong' -AsPlainText -Force)", false, $"'{App}'"),
        ["TenantNotFound"] = new($"Connect-GraphMail {Sandbox} -TenantId nowhere.example -ClientId {App} -ClientSecret $ClientSecret", false, "'nowhere.example'"),
        ["ApplicationNotFoundInTenant"] = new($"Connect-GraphMail {Sandbox} -TenantId contoso.com -ClientId 0b0b0b0b-1111-4222-8333-444444444444 -ClientSecret $ClientSecret", false, "'0b0b0b0b-1111-4222-8333-444444444444'"),
        ["ClientSecretExpired"] = new($"Connect-GraphMail {Sandbox} -TenantId contoso.com -ClientId {ExpiredAppId} -ClientSecret (ConvertTo-SecureString 'Sbx8Q~Expired.Secret-0003' -AsPlainText -Force)", Target: $"'{ExpiredAppId}'"),
        ["CertificateNotRegistered"] = new(NewRsaCertificate + $"""
            $path = Join-Path $Folder 'unregistered.pfx'
            [IO.File]::WriteAllBytes($path, $certificate.Export('Pfx', 'catalogue-password'))
            Connect-GraphMail {Sandbox} -TenantId contoso.com -ClientId {App} -CertificatePath $path -CertificatePassword $password
            """, Target: "$path"),
        ["CredentialMissing"] = new($"$app = [GraphMail.GraphMailApplication]@{{ DisplayName = 'Catalogue app'; TenantId = 'contoso.com'; ClientId = '{App}' }}\nConnect-GraphMail -Application $app {Sandbox}", Target: "$app"),
        ["ResourceNotFoundInTenant"] = new($"Connect-GraphMail {Sandbox} -ManagedIdentity -Environment USGov", Target: "'USGov'"),
        ["InvalidScope"] = new($"Connect-GraphMail {AsSender} -Environment USGov", Target: "'USGov'"),
        ["TokenServiceUnavailable"] = new($"Connect-GraphMail {AsSender}",
            Arrange: control => control.AddFault(new FaultSpec { Route = RouteNames.Token, Kind = FaultKind.Unavailable, Count = 100 })),

        // Managed identity, through the sandbox's endpoint only (never the cloud's metadata address)
        ["ManagedIdentityNotFound"] = new($"Connect-GraphMail {Sandbox} -ManagedIdentity -ManagedIdentityClientId {UnknownId}", Target: $"'{UnknownId}'"),
        ["ManagedIdentityTenantMismatch"] = new($"Connect-GraphMail {Sandbox} -ManagedIdentity -TenantId {FabrikamTenantId}", Target: $"'{FabrikamTenantId}'"),
        // A ready line without the managed-identity endpoint MSAL will call: refused before any request. (Not through a
        // managed-identity variable such as MSI_ENDPOINT: the process environment is shared by tests running in parallel.)
        ["ManagedIdentitySourceNotSupported"] = new("""
            $line = $SandboxReadyLine | ConvertFrom-Json
            $line.PSObject.Properties.Remove('managedIdentity')
            Connect-GraphMail -Sandbox ($line | ConvertTo-Json -Compress -Depth 5) -ManagedIdentity
            """),
        ["ManagedIdentityFailed"] = new($"Connect-GraphMail {Sandbox} -ManagedIdentity",
            Arrange: control => control.AddFault(new FaultSpec { Route = RouteNames.ManagedIdentity, Kind = FaultKind.Unavailable, Count = 100 })),
        ["ManagedIdentityUnavailable"] = new($"Connect-GraphMail {Sandbox} -ManagedIdentity",
            Arrange: control => control.AddFault(new FaultSpec { Route = RouteNames.ManagedIdentity, Kind = FaultKind.ResetBeforeProcessing, Count = 100 })),

        // The way to the token service
        ["ServiceUnreachable"] = new(ClosedSandbox + $"Connect-GraphMail -Sandbox $closed -TenantId contoso.com -ClientId {App} -ClientSecret $ClientSecret"),
        ["TlsCertificateRejected"] = new($"""
            $pinned = $SandboxReadyLine -replace '"certificateSha256":"[0-9A-Fa-f]+"', ('"certificateSha256":"' + ('AB' * 32) + '"')
            Connect-GraphMail -Sandbox $pinned -TenantId contoso.com -ClientId {App} -ClientSecret $ClientSecret
            """),
    };
}
