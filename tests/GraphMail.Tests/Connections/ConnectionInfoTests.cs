using System;
using System.Text.Json;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Connections.Tokens;

namespace GraphMail.Tests.Connections;

public sealed class ConnectionInfoTests
{
    internal static ConnectionInfo Info(CredentialKind kind = CredentialKind.Certificate, params string[] roles) => new(
        Guid.Parse("30d943bf-6a43-47b0-a36a-66a1a07848ca"), "contoso.com", "51c27551-41e7-4952-a996-08bd0bfb1752", kind,
        kind == CredentialKind.Certificate ? "0123456789ABCDEF0123456789ABCDEF01234567" : null, null, GraphMailEnvironment.USGov, false,
        "login.microsoftonline.us", new Uri("https://graph.microsoft.us/v1.0"), new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero), roles, "noreply@contoso.com");

    [Fact]
    public void ToStringSaysWhoWhereAndHowInOneLine()
    {
        var text = Info(CredentialKind.Certificate, "Mail.Send").ToString();

        Assert.Equal(
            "App 51c27551-41e7-4952-a996-08bd0bfb1752 in tenant contoso.com (30d943bf-6a43-47b0-a36a-66a1a07848ca), USGov cloud, certificate 0123456789ABCDEF0123456789ABCDEF01234567, token expires 2026-11-21 12:00:00Z, default sender noreply@contoso.com",
            text);
    }

    [Fact]
    public void RolesAreACopy()
    {
        var info = Info(CredentialKind.ClientSecret, "Mail.Send");
        info.Roles[0] = "Directory.ReadWrite.All";
        Assert.Equal(["Mail.Send"], info.Roles);
    }

    [Fact]
    public void ItSerialisesToJsonWithItsPublicFacts()
    {
        var json = JsonSerializer.Serialize(Info(CredentialKind.ClientSecret, "Mail.Send"));

        Assert.Contains("\"TenantId\":\"30d943bf-6a43-47b0-a36a-66a1a07848ca\"", json);
        Assert.Contains("\"CredentialKind\":0", json);
        Assert.Contains("\"Roles\":[\"Mail.Send\"]", json);
        Assert.Contains("\"GraphEndpoint\":\"https://graph.microsoft.us/v1.0\"", json);
    }

    [Fact]
    public void AJwtPayloadIsReadWithoutValidation()
    {
        var payload = Convert.ToBase64String("""{"tid":"30d943bf-6a43-47b0-a36a-66a1a07848ca","appid":"app-1","idtyp":"app","roles":["Mail.Send","Mail.ReadWrite"]}"""u8.ToArray())
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expires = DateTimeOffset.UtcNow.AddHours(1);

        var details = JwtClaims.Read("eyJhbGciOiJub25lIn0." + payload + ".c2ln", expires);

        Assert.Equal("30d943bf-6a43-47b0-a36a-66a1a07848ca", details.TenantId);
        Assert.Equal("app-1", details.AppId);
        Assert.Equal("app", details.IdentityType);
        Assert.Equal(["Mail.Send", "Mail.ReadWrite"], details.Roles);
        Assert.Equal(expires, details.ExpiresOn);
        Assert.DoesNotContain(payload, details.ToString());
    }

    [Theory]
    [InlineData("opaque-token")]
    [InlineData("a.!!!.c")]
    [InlineData("a.bm90IGpzb24.c")]
    public void ATokenThatIsNoJwtGivesEmptyDetails(string token)
    {
        var details = JwtClaims.Read(token, DateTimeOffset.UnixEpoch);

        Assert.Empty(details.Roles);
        Assert.Null(details.TenantId);
    }

    [Fact]
    public void WithoutRolesConnectWarnsAboutConsentAndNamesTheFix()
    {
        var warning = Assert.Single(ConnectionAdvice.Warnings(Info(CredentialKind.ClientSecret)));

        Assert.Contains("no application permissions", warning);
        Assert.Contains("Get-GraphMailConsentUrl -TenantId contoso.com -ClientId 51c27551-41e7-4952-a996-08bd0bfb1752", warning);
    }

    [Fact]
    public void AManagedIdentityWithoutMailSendIsToldAboutTheAppRole()
    {
        var warning = Assert.Single(ConnectionAdvice.Warnings(Info(CredentialKind.ManagedIdentity, "User.Read.All")));

        Assert.Contains("lacks Mail.Send (it has User.Read.All)", warning);
        Assert.Contains("app role", warning);
    }

    [Fact]
    public void MailSendMeansNoWarning() => Assert.Empty(ConnectionAdvice.Warnings(Info(CredentialKind.Certificate, "mail.send")));
}
