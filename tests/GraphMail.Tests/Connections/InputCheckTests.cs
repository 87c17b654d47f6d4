using GraphMail.Engine.Connections;
using GraphMail.Engine.Connections.Tokens;

namespace GraphMail.Tests.Connections;

public sealed class InputCheckTests
{
    [Theory]
    [InlineData("30d943bf-6a43-47b0-a36a-66a1a07848ca", "30d943bf-6a43-47b0-a36a-66a1a07848ca", true)]
    [InlineData(" {30D943BF-6A43-47B0-A36A-66A1A07848CA} ", "30d943bf-6a43-47b0-a36a-66a1a07848ca", true)]
    [InlineData("contoso.onmicrosoft.com", "contoso.onmicrosoft.com", false)]
    [InlineData("Contoso.COM", "contoso.com", false)]
    [InlineData("mail.eu.contoso-group.co.uk", "mail.eu.contoso-group.co.uk", false)]
    public void ATenantIsAGuidOrADomain(string input, string value, bool isGuid)
    {
        var tenant = TenantIdentifier.Parse(input);

        Assert.Equal(value, tenant.Value);
        Assert.Equal(isGuid, tenant.Id is not null);
        Assert.Equal(isGuid ? null : value, tenant.Domain);
    }

    [Theory]
    [InlineData("common")]
    [InlineData("organizations")]
    [InlineData("Consumers")]
    public void MultiTenantAliasesAreRefusedForAppOnly(string alias)
    {
        var error = Assert.Throws<GraphMailException>(() => TenantIdentifier.Parse(alias));

        Assert.Equal(ErrorIds.InvalidTenantId, error.ErrorId);
        Assert.Equal(GraphMailErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("'" + alias.ToLowerInvariant() + "' names no tenant", error.Message);
        Assert.Contains("app-only", error.Message);
    }

    [Theory]
    [InlineData("contoso", "contoso.onmicrosoft.com")]
    [InlineData("https://login.microsoftonline.com/contoso.com", "neither a GUID nor a domain")]
    [InlineData("30d943bf-6a43-47b0-a36a", "neither a GUID nor a domain")]
    [InlineData("-contoso.com", "neither a GUID nor a domain")]
    [InlineData("contoso..com", "neither a GUID nor a domain")]
    [InlineData("", "it is empty")]
    public void ABadTenantIsNamedInItsError(string input, string explanation)
    {
        var error = Assert.Throws<GraphMailException>(() => TenantIdentifier.Parse(input));

        Assert.Equal(ErrorIds.InvalidTenantId, error.ErrorId);
        Assert.Contains("'" + input + "'", error.Message);
        Assert.Contains(explanation, error.Message);
    }

    [Theory]
    [InlineData("my-app", ErrorIds.InvalidClientId, "'my-app' is not a GUID")]
    [InlineData(null, ErrorIds.InvalidClientId, "No client ID")]
    public void TheClientIdMustBeAGuid(string? input, string errorId, string text)
    {
        var request = new ConnectionRequest { TenantId = "contoso.com", ClientId = input, Credential = new ClientSecretCredential(SecureStrings.From("x")) };

        var error = Assert.Throws<GraphMailException>(() => ConnectionPlan.From(request));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Contains(text, error.Message);
        Assert.Contains("Application (client) ID", error.Fix);
    }

    [Fact]
    public void AUserAssignedIdentityIdMustBeAGuid()
    {
        var request = new ConnectionRequest { Credential = new ManagedIdentityCredential("graphmail-sender") };

        var error = Assert.Throws<GraphMailException>(() => ConnectionPlan.From(request));

        Assert.Equal(ErrorIds.InvalidManagedIdentityClientId, error.ErrorId);
        Assert.Contains("'graphmail-sender'", error.Message);
    }

    [Fact]
    public void AManagedIdentityNeedsNoTenantAndNoClientId()
    {
        var plan = ConnectionPlan.From(new ConnectionRequest { Credential = new ManagedIdentityCredential() });

        Assert.Null(plan.Tenant);
        Assert.Null(plan.ClientId);
    }

    [Theory]
    [InlineData("noreply@contoso.com", true)]
    [InlineData(" noreply@contoso.com ", true)]
    [InlineData("No Reply <noreply@contoso.com>", false)]
    [InlineData("noreply", false)]
    [InlineData("noreply@", false)]
    public void TheDefaultSenderIsABareAddress(string input, bool valid)
    {
        var request = new ConnectionRequest { Credential = new ManagedIdentityCredential(), DefaultFrom = input };

        if (valid)
        {
            Assert.Equal(input.Trim(), ConnectionPlan.From(request).DefaultFrom);
            return;
        }

        var error = Assert.Throws<GraphMailException>(() => ConnectionPlan.From(request));
        Assert.Equal(ErrorIds.InvalidDefaultFrom, error.ErrorId);
        Assert.Contains("'" + input + "'", error.Message);
    }

    [Fact]
    public void AnEmptySecretIsRefusedBeforeAnyNetworkCall()
    {
        var request = new ConnectionRequest { TenantId = "contoso.com", ClientId = "51c27551-41e7-4952-a996-08bd0bfb1752", Credential = new ClientSecretCredential(new System.Security.SecureString()) };

        var error = Assert.Throws<GraphMailException>(() => ConnectionPlan.From(request));

        Assert.Equal(ErrorIds.ClientSecretEmpty, error.ErrorId);
    }

    [Fact]
    public void NoCredentialIsRefused()
    {
        var error = Assert.Throws<GraphMailException>(() => ConnectionPlan.From(new ConnectionRequest { TenantId = "contoso.com", ClientId = "51c27551-41e7-4952-a996-08bd0bfb1752" }));

        Assert.Equal(ErrorIds.CredentialMissing, error.ErrorId);
        Assert.Equal(GraphMailErrorKind.InvalidArgument, error.Kind);
    }
}
