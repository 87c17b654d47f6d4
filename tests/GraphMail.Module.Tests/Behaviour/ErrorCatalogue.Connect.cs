using System.Collections.Generic;

namespace GraphMail.Module.Tests.Behaviour;

/// <summary>Connect-GraphMail: what the user typed, and what the environment variables say.</summary>
public sealed partial class ErrorCatalogueTests
{
    private static Dictionary<string, Case> ConnectInputCases() => new()
    {
        ["InvalidClientId"] = new("Connect-GraphMail -TenantId contoso.com -ClientId my-app -ClientSecret $ClientSecret", false, "'my-app'"),
        ["InvalidTenantId"] = new($"Connect-GraphMail -TenantId common -ClientId {App} -ClientSecret $ClientSecret", false, "'common'"),
        ["InvalidManagedIdentityClientId"] = new($"Connect-GraphMail {Sandbox} -ManagedIdentity -ManagedIdentityClientId not-a-guid", false, "'not-a-guid'"),
        ["InvalidDefaultFrom"] = new($"Connect-GraphMail {AsSender} -DefaultFrom 'not an address'", false, "'not an address'"),
        ["ClientSecretEmpty"] = new($"Connect-GraphMail {Sandbox} -TenantId contoso.com -ClientId {App} -ClientSecret ([securestring]::new())", false, $"'{App}'"),
        ["InvalidSandboxEndpoint"] = new($$"""Connect-GraphMail -Sandbox '{"authority":"https://login.microsoftonline.com/","graph":"https://graph.microsoft.com/v1.0","certificateSha256":"AB"}' -TenantId contoso.com -ClientId {{App}} -ClientSecret $ClientSecret""", false,
            """'{"authority":"https://login.microsoftonline.com/","graph":"https://graph.microsoft.com/v1.0","certificateSha256":"AB"}'"""),
        ["InvalidCertificateThumbprint"] = new($"Connect-GraphMail -TenantId contoso.com -ClientId {App} -CertificateThumbprint not-a-thumbprint", false, "'not-a-thumbprint'"),
        ["CertificateFileNotFound"] = new($"Connect-GraphMail -TenantId contoso.com -ClientId {App} -CertificatePath ./no-such-certificate.pfx", false, null),

        // -EnvironmentVariable (the test process has no GRAPHMAIL_* variables; the one case that sets them removes them)
        ["EnvironmentVariablesMissing"] = new("Connect-GraphMail -EnvironmentVariable"),
        ["InvalidEnvironmentVariable"] = new($$"""
            $env:GRAPHMAIL_TENANT_ID = 'contoso.com'; $env:GRAPHMAIL_CLIENT_ID = '{{App}}'; $env:GRAPHMAIL_CLIENT_SECRET = 'Sbx8Q~unused'; $env:GRAPHMAIL_ENVIRONMENT = 'Mars'
            try { Connect-GraphMail -EnvironmentVariable }
            finally { Remove-Item Env:GRAPHMAIL_TENANT_ID, Env:GRAPHMAIL_CLIENT_ID, Env:GRAPHMAIL_CLIENT_SECRET, Env:GRAPHMAIL_ENVIRONMENT }
            """, Target: "'Mars'"),
        ["InvalidEnvironment"] = new($"""
            $cloud = [Enum]::ToObject([GraphMail.GraphMailEnvironment], 42)
            Connect-GraphMail -TenantId contoso.com -ClientId {App} -ClientSecret $ClientSecret -Environment $cloud
            """, Target: "$cloud"),
    };
}
