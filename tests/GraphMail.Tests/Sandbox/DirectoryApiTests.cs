using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Tasks;
using GraphMail.Tests.Infrastructure;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;

namespace GraphMail.Tests.Sandbox;

/// <summary>
/// The directory API through the real Graph SDK with an admin's delegated token: an app registered from nothing, its
/// service principal, Mail.Send granted, a secret and a certificate, replication, then the app sends; and who may not.
/// </summary>
public sealed class DirectoryApiTests : IClassFixture<SandboxFixture>
{
    private const string MailSendId = "b633e1c5-b582-4048-a93e-9f11b44c7e96";
    private readonly SandboxFixture _sandbox;

    public DirectoryApiTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    [Fact]
    public async Task An_admin_registers_an_app_grants_Mail_Send_adds_a_secret_and_the_app_sends_once_it_has_replicated()
    {
        _sandbox.Control.UpdateSettings(s => s with { ReplicationDelaySeconds = 3600 });
        var graph = await AdminGraphAsync(SandboxDefaults.Admin);
        var name = "Directory test " + Guid.NewGuid();

        var app = await graph.Applications.PostAsync(new Application
        {
            DisplayName = name,
            SignInAudience = "AzureADMyOrg",
            RequiredResourceAccess = [new RequiredResourceAccess { ResourceAppId = "00000003-0000-0000-c000-000000000000", ResourceAccess = [new ResourceAccess { Id = Guid.Parse(MailSendId), Type = "Role" }] }],
        });
        var byName = await graph.Applications.GetAsync(r => r.QueryParameters.Filter = $"displayName eq '{name}'");
        Assert.Equal(app!.AppId, Assert.Single(byName!.Value!).AppId);
        var byAppId = await graph.ApplicationsWithAppId(app.AppId).GetAsync();
        Assert.Equal(app.Id, byAppId!.Id);

        var microsoftGraph = await graph.ServicePrincipalsWithAppId("00000003-0000-0000-c000-000000000000").GetAsync();
        var mailSend = microsoftGraph!.AppRoles!.Single(r => r.Value == "Mail.Send");
        Assert.Equal(Guid.Parse(MailSendId), mailSend.Id);
        var principal = await graph.ServicePrincipals.PostAsync(new ServicePrincipal { AppId = app.AppId });
        await graph.ServicePrincipals[microsoftGraph.Id].AppRoleAssignedTo.PostAsync(new AppRoleAssignment
        {
            PrincipalId = Guid.Parse(principal!.Id!),
            ResourceId = Guid.Parse(microsoftGraph.Id!),
            AppRoleId = mailSend.Id,
        });
        var duplicate = await Assert.ThrowsAsync<ODataError>(() => graph.ServicePrincipals[microsoftGraph.Id].AppRoleAssignedTo.PostAsync(new AppRoleAssignment
        {
            PrincipalId = Guid.Parse(principal.Id!),
            ResourceId = Guid.Parse(microsoftGraph.Id!),
            AppRoleId = mailSend.Id,
        }));
        Assert.Equal(400, duplicate.ResponseStatusCode);

        var secret = await graph.Applications[app.Id].AddPassword.PostAsync(new Microsoft.Graph.Applications.Item.AddPassword.AddPasswordPostRequestBody
        {
            PasswordCredential = new PasswordCredential { DisplayName = "test", EndDateTime = DateTimeOffset.UtcNow.AddDays(30) },
        });
        Assert.Equal(40, secret!.SecretText!.Length);
        var listed = await graph.ApplicationsWithAppId(app.AppId).GetAsync();
        Assert.Null(Assert.Single(listed!.PasswordCredentials!).SecretText);

        var notYet = await Assert.ThrowsAsync<MsalServiceException>(() => SandboxMsal.TokenAsync(_sandbox.Server, app.AppId!, secret.SecretText));
        Assert.Contains("AADSTS700016", notYet.Message);

        _sandbox.Control.ReplicateDirectory();
        var token = await SandboxMsal.TokenAsync(_sandbox.Server, app.AppId!, secret.SecretText);
        Assert.Equal(["Mail.Send"], SandboxJwt.Payload(token).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        using var send = new HttpRequestMessage(HttpMethod.Post, $"v1.0/users/{SandboxDefaults.Ceo}/sendMail")
        {
            Content = new StringContent("""{"message":{"subject":"from a new app","toRecipients":[{"emailAddress":{"address":"ops@contoso.com"}}]}}""", Encoding.UTF8, "application/json"),
        };
        send.Headers.Authorization = new("Bearer", token);
        Assert.Equal(202, (int)(await _sandbox.Http.SendAsync(send)).StatusCode);

        await graph.ServicePrincipals[principal.Id].DeleteAsync();
        await graph.Applications[app.Id].DeleteAsync();
        Assert.DoesNotContain(_sandbox.Control.GetApplications(SandboxDefaults.TenantDomain), a => a.AppId == app.AppId);
    }

    [Fact]
    public async Task A_certificate_added_by_PATCH_signs_the_app_in_and_a_new_secret_is_refused_until_it_replicates()
    {
        var graph = await AdminGraphAsync(SandboxDefaults.Admin);
        _sandbox.Control.UpdateSettings(s => s with { ReplicationDelaySeconds = 0 });
        var app = await graph.Applications.PostAsync(new Application { DisplayName = "Certificate test " + Guid.NewGuid() });
        await graph.ServicePrincipals.PostAsync(new ServicePrincipal { AppId = app!.AppId });
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=directory test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
        await graph.Applications[app.Id].PatchAsync(new Application
        {
            KeyCredentials = [new KeyCredential { Type = "AsymmetricX509Cert", Usage = "Verify", Key = certificate.Export(X509ContentType.Cert), DisplayName = "CN=directory test" }],
        });

        var withKeys = await graph.Applications[app.Id].GetAsync(r => r.QueryParameters.Select = ["id", "keyCredentials"]);
        Assert.NotNull(Assert.Single(withKeys!.KeyCredentials!).Key);
        var token = await SandboxMsal.WithCertificate(_sandbox.Server, app.AppId!, certificate).AcquireTokenForClient([SandboxMsal.GraphScope]).ExecuteAsync();
        Assert.Equal("2", SandboxJwt.Payload(token.AccessToken).GetProperty("appidacr").GetString());

        _sandbox.Control.UpdateSettings(s => s with { ReplicationDelaySeconds = 3600 });
        var secret = await graph.Applications[app.Id].AddPassword.PostAsync(new Microsoft.Graph.Applications.Item.AddPassword.AddPasswordPostRequestBody { PasswordCredential = new PasswordCredential() });
        var refused = await Assert.ThrowsAsync<MsalServiceException>(() => SandboxMsal.TokenAsync(_sandbox.Server, app.AppId!, secret!.SecretText!));
        Assert.Contains("AADSTS7000215", refused.Message);
        await graph.Applications[app.Id].RemovePassword.PostAsync(new Microsoft.Graph.Applications.Item.RemovePassword.RemovePasswordPostRequestBody { KeyId = secret!.KeyId });
        Assert.Empty((await graph.Applications[app.Id].GetAsync())!.PasswordCredentials!);
    }

    [Fact]
    public async Task A_user_without_a_directory_role_gets_Authorization_RequestDenied_and_an_application_administrator_cannot_grant_Graph_roles()
    {
        var user = await AdminGraphAsync(SandboxDefaults.Ceo);
        var denied = await Assert.ThrowsAsync<ODataError>(() => user.Applications.PostAsync(new Application { DisplayName = "not allowed" }));
        Assert.Equal((403, "Authorization_RequestDenied"), (denied.ResponseStatusCode, denied.Error!.Code));
        Assert.Equal("Insufficient privileges to complete the operation.", denied.Error.Message);

        var appAdmin = await AdminGraphAsync(SandboxDefaults.AppAdmin);
        var app = await appAdmin.Applications.PostAsync(new Application { DisplayName = "App admin's " + Guid.NewGuid() });
        var principal = await appAdmin.ServicePrincipals.PostAsync(new ServicePrincipal { AppId = app!.AppId });
        var microsoftGraph = await appAdmin.ServicePrincipalsWithAppId("00000003-0000-0000-c000-000000000000").GetAsync();
        var grant = await Assert.ThrowsAsync<ODataError>(() => appAdmin.ServicePrincipals[microsoftGraph!.Id].AppRoleAssignedTo.PostAsync(new AppRoleAssignment
        {
            PrincipalId = Guid.Parse(principal!.Id!),
            ResourceId = Guid.Parse(microsoftGraph.Id!),
            AppRoleId = Guid.Parse(MailSendId),
        }));
        Assert.Equal(403, grant.ResponseStatusCode);

        var filter = await Assert.ThrowsAsync<ODataError>(() => appAdmin.Applications.GetAsync(r => r.QueryParameters.Filter = "signInAudience eq 'AzureADMyOrg'"));
        Assert.Equal("Request_UnsupportedQuery", filter.Error!.Code);
    }

    private async Task<GraphServiceClient> AdminGraphAsync(string user)
    {
        _sandbox.Control.UpdateSettings(s => s with { DeviceCodeApprover = user });
        var msal = PublicClientApplicationBuilder.Create(SandboxDefaults.GraphCommandLineToolsId)
            .WithAuthority(SandboxMsal.Authority(_sandbox.Server))
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new PinnedMsalHttpClientFactory(_sandbox.Server.CertificateThumbprint))
            .Build();
        var result = await msal.AcquireTokenWithDeviceCode(
            ["https://graph.microsoft.com/Application.ReadWrite.All", "https://graph.microsoft.com/AppRoleAssignment.ReadWrite.All"],
            _ => Task.CompletedTask).ExecuteAsync();
        _sandbox.Control.UpdateSettings(s => s with { DeviceCodeApprover = "" });
        return SandboxGraph.Create(_sandbox.Server, new StaticAccessTokenProvider(result.AccessToken));
    }
}
