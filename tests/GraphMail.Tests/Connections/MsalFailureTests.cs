using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading.Tasks;
using GraphMail.Engine.Connections.Failures;
using Microsoft.Identity.Client;

namespace GraphMail.Tests.Connections;

public sealed class MsalFailureTests
{
    private static readonly FailureContext Context = AadstsCatalogTests.Context;
    private static readonly FailureContext Sandbox = new("contoso.com", null, "GraphMail.Sandbox", "127.0.0.1:5123", true, null, null);
    private static readonly FailureContext UserAssigned = new("(the managed identity's tenant)", null, "Global", "login.microsoftonline.com", false, null, "a4498cb5-8123-48ef-90b8-0db301b6c7ae");

    [Fact]
    public void AServiceErrorIsReadFromItsResponseBody()
    {
        var msal = new MsalServiceException("invalid_client", "AADSTS7000215: Invalid client secret provided.", 401) { ResponseBody = AadstsCatalogTests.Body(7000215) };

        var error = MsalFailures.Map(msal, Context, "login.microsoftonline.com");

        Assert.Equal(ErrorIds.ClientSecretInvalid, error.ErrorId);
        Assert.Equal(401, error.HttpStatus);
        Assert.Equal("trace-1", error.RequestId);
        Assert.Same(msal, error.InnerException);
    }

    [Fact]
    public void AFiveHundredWithoutCodeMeansTheTokenServiceIsDown()
    {
        var error = MsalFailures.Map(new MsalServiceException("service_not_available", "Service is unavailable.", 503), Context, "login.microsoftonline.com");

        Assert.Equal(ErrorIds.TokenServiceUnavailable, error.ErrorId);
        Assert.Equal(GraphMailErrorKind.ResourceUnavailable, error.Kind);
        Assert.Equal(503, error.HttpStatus);
    }

    [Fact]
    public void AFiveHundredWithATransientCodeMeansTheTokenServiceIsDown()
    {
        var msal = new MsalServiceException("temporarily_unavailable", "AADSTS90033: A transient error has occurred. Please try again.", 503) { ResponseBody = AadstsCatalogTests.Body(90033) };

        var error = MsalFailures.Map(msal, Context, "login.microsoftonline.com");

        Assert.Equal(ErrorIds.TokenServiceUnavailable, error.ErrorId);
        Assert.Equal("AADSTS90033", error.ServiceCode);
        Assert.Equal(503, error.HttpStatus);
    }

    [Fact]
    public void AManagedIdentityEndpointPassingOnEntraRefusalIsMappedLikeEntra()
    {
        var msal = new MsalServiceException("managed_identity_request_failed", "[Managed Identity] Error Code: invalid_resource Error Description: AADSTS500011: The resource principal named https://graph.microsoft.us was not found in the tenant named contoso.");

        var error = MsalFailures.Map(msal, UserAssigned, "IMDS");

        Assert.Equal(ErrorIds.ResourceNotFoundInTenant, error.ErrorId);
        Assert.Equal("invalid_resource", error.ServiceCode);
        Assert.Contains("AADSTS500011: The resource principal named https://graph.microsoft.us", error.Message);
        Assert.Contains("-Environment", error.Fix);
    }

    [Fact]
    public void AnUnreachableManagedIdentityEndpointMeansNoManagedIdentityHere()
    {
        var msal = new MsalServiceException("managed_identity_unreachable_network", "Connection refused (169.254.169.254:80)", new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)));

        var error = MsalFailures.Map(msal, Context, "IMDS (169.254.169.254)");

        Assert.Equal(ErrorIds.ManagedIdentityUnavailable, error.ErrorId);
        Assert.Equal(GraphMailErrorKind.ResourceUnavailable, error.Kind);
        Assert.Contains("IMDS (169.254.169.254)", error.Message);
        Assert.Contains("certificate or client secret", error.Fix);
    }

    [Theory]
    [InlineData("[Managed Identity] Authentication unavailable. Either the requested identity has not been assigned to this resource, or other errors could be present.\nStatus: BadRequest\n[Managed Identity] Error Code: invalid_request Error Description: Identity not found ", "Identity not found")]
    [InlineData("[Managed Identity] Error Message: No managed identity was found for Automation account contoso Managed Identity Correlation ID: 5cb3 (issued by the 'AppService' managed identity source)", "No managed identity was found for Automation account contoso")]
    public void AnIdentityTheEndpointDoesNotKnowIsNotFound(string message, string said)
    {
        var error = MsalFailures.Map(new MsalServiceException("managed_identity_request_failed", message), UserAssigned, "IMDS");

        Assert.Equal(ErrorIds.ManagedIdentityNotFound, error.ErrorId);
        Assert.Equal(GraphMailErrorKind.ObjectNotFound, error.Kind);
        Assert.Contains("user-assigned managed identity a4498cb5-8123-48ef-90b8-0db301b6c7ae", error.Message);
        Assert.Contains(said, error.Message);
        Assert.DoesNotContain("Correlation ID", error.Cause);
        Assert.Contains("-ManagedIdentityClientId", error.Fix);
    }

    [Fact]
    public void AnyOtherManagedIdentityRefusalKeepsTheEndpointsWords()
    {
        var msal = new MsalServiceException("managed_identity_request_failed", "[Managed Identity] Error Code: invalid_request Error Description: AADSTS90014: A required field is missing.", 400);

        var error = MsalFailures.Map(msal, UserAssigned, "IMDS");

        Assert.Equal(ErrorIds.ManagedIdentityFailed, error.ErrorId);
        Assert.Equal("invalid_request", error.ServiceCode);
        Assert.Contains("AADSTS90014", error.Message);
    }

    [Fact]
    public void TransportFailuresUnderMsalAreReportedAsTransport()
    {
        var tls = new MsalServiceException("service_not_available", "x", new HttpRequestException("ssl", new AuthenticationException("remote certificate invalid")));
        var refused = new MsalServiceException("service_not_available", "x", new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)));
        var timeout = new MsalServiceException("request_timeout", "x", new TaskCanceledException("timeout"));

        var tlsError = MsalFailures.Map(tls, Sandbox, "127.0.0.1:5123");
        var refusedError = MsalFailures.Map(refused, Sandbox, "127.0.0.1:5123");

        Assert.Equal(ErrorIds.TlsCertificateRejected, tlsError.ErrorId);
        Assert.Equal(GraphMailErrorKind.ConnectionError, tlsError.Kind);
        Assert.Contains("current ready line", tlsError.Fix);
        Assert.Equal(ErrorIds.ServiceUnreachable, refusedError.ErrorId);
        Assert.Contains("ConnectionRefused", refusedError.Message);
        Assert.Contains("127.0.0.1:5123", refusedError.Message);
        Assert.Equal(ErrorIds.ServiceTimeout, MsalFailures.Map(timeout, Context, "login.microsoftonline.com").ErrorId);
    }

    [Fact]
    public void AClientSideMsalErrorKeepsItsCode()
    {
        var error = MsalFailures.Map(new MsalClientException("invalid_authority", "The authority is not valid."), Context, "login.microsoftonline.com");

        Assert.Equal(ErrorIds.AuthenticationFailed, error.ErrorId);
        Assert.Equal("invalid_authority", error.ServiceCode);
    }

    [Fact]
    public void AGraphMailErrorPassesThrough()
    {
        var original = new GraphMailException(ErrorIds.ManagedIdentityTenantMismatch, GraphMailErrorKind.InvalidArgument, "x");
        Assert.Same(original, MsalFailures.Map(original, Context, "h"));
    }
}
