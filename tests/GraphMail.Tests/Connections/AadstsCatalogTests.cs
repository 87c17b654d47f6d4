using System.Linq;
using GraphMail.Engine.Connections.Failures;
using GraphMail.Engine.Entra;

namespace GraphMail.Tests.Connections;

public sealed class AadstsCatalogTests
{
    internal static readonly FailureContext Context = new("contoso.com", "51c27551-41e7-4952-a996-08bd0bfb1752", "Global", "login.microsoftonline.com", false, "0123456789ABCDEF0123456789ABCDEF01234567", null);

    // Wire spec §1.4, every row, plus the codes admins also meet.
    [Theory]
    [InlineData(90002, ErrorIds.TenantNotFound, GraphMailErrorKind.ObjectNotFound, "-Environment")]
    [InlineData(700016, ErrorIds.ApplicationNotFoundInTenant, GraphMailErrorKind.ObjectNotFound, "Get-GraphMailConsentUrl -TenantId contoso.com -ClientId 51c27551-41e7-4952-a996-08bd0bfb1752")]
    [InlineData(7000215, ErrorIds.ClientSecretInvalid, GraphMailErrorKind.Authentication, "Value")]
    [InlineData(7000222, ErrorIds.ClientSecretExpired, GraphMailErrorKind.Authentication, "certificate")]
    [InlineData(1002012, ErrorIds.InvalidScope, GraphMailErrorKind.InvalidOperation, "request id")]
    [InlineData(70011, ErrorIds.InvalidScope, GraphMailErrorKind.InvalidOperation, "-Environment")]
    [InlineData(700027, ErrorIds.CertificateNotRegistered, GraphMailErrorKind.Authentication, ".cer")]
    [InlineData(7000218, ErrorIds.CredentialMissing, GraphMailErrorKind.Authentication, "-ClientSecret")]
    [InlineData(900023, ErrorIds.TenantNotFound, GraphMailErrorKind.ObjectNotFound, "Directory (tenant) ID")]
    [InlineData(700024, ErrorIds.ClientAssertionOutOfTime, GraphMailErrorKind.Authentication, "clock")]
    [InlineData(500011, ErrorIds.ResourceNotFoundInTenant, GraphMailErrorKind.ObjectNotFound, "-Environment")]
    [InlineData(7000112, ErrorIds.ApplicationDisabled, GraphMailErrorKind.PermissionDenied, "Enterprise applications")]
    [InlineData(53003, ErrorIds.BlockedByConditionalAccess, GraphMailErrorKind.PermissionDenied, "Sign-in logs")]
    public void EachCodeHasItsIdKindCauseAndFix(int code, string errorId, GraphMailErrorKind kind, string fixMentions)
    {
        var error = AadstsCatalog.ToException(EntraErrorResponse.Parse(Body(code)), 400, Context, new System.Exception("inner"));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(kind, error.Kind);
        Assert.Contains(fixMentions, error.Fix);
        Assert.DoesNotContain("{", error.Cause + error.Fix);
        Assert.Equal("AADSTS" + code, error.ServiceCode);
        Assert.Equal(400, error.HttpStatus);
        Assert.Equal("trace-1", error.RequestId);
        Assert.Equal("corr-1", error.ClientRequestId);
    }

    [Fact]
    public void TheCausesNameWhatTheUserTyped()
    {
        Assert.Contains("'contoso.com' was not found in the Global cloud", Map(90002).Cause);
        Assert.Contains("App '51c27551-41e7-4952-a996-08bd0bfb1752' was not found in tenant 'contoso.com'", Map(700016).Cause);
        Assert.Contains("secret's ID pasted instead of its Value", Map(7000215).Cause);
        Assert.Contains("has expired", Map(7000222).Cause);
        Assert.Contains("certificate 0123456789ABCDEF0123456789ABCDEF01234567", Map(700027).Cause);
    }

    [Fact]
    public void EveryEntryIsOneLineAndEveryCodeAppearsOnce()
    {
        Assert.Equal(AadstsCatalog.All.Count, AadstsCatalog.All.Select(e => e.Code).Distinct().Count());
        Assert.All(AadstsCatalog.All, e => Assert.DoesNotContain('\n', e.Cause + e.Fix));
        Assert.All(AadstsCatalog.All, e => Assert.Matches("^[A-Z][A-Za-z]+$", e.ErrorId));
    }

    [Fact]
    public void AnUnknownCodeStillCarriesCodeStatusAndTraceId()
    {
        var error = AadstsCatalog.ToException(EntraErrorResponse.Parse(Body(50199)), 401, Context, new System.Exception("inner"));

        Assert.Equal(ErrorIds.AuthenticationFailed, error.ErrorId);
        Assert.Equal(GraphMailErrorKind.Authentication, error.Kind);
        Assert.Equal("AADSTS50199", error.ServiceCode);
        Assert.Equal(401, error.HttpStatus);
        Assert.Equal("trace-1", error.RequestId);
        Assert.Contains("AADSTS50199: Something new.", error.Message);
        Assert.DoesNotContain("Trace ID:", error.Cause);
        Assert.Contains("https://login.microsoftonline.com/error?code=50199", error.Fix);
        Assert.Contains("HTTP 401", error.Message);
        Assert.Contains("request-id: trace-1", error.Message);
    }

    [Theory]
    [InlineData("""{"error":"invalid_client","error_description":"AADSTS7000215: Invalid."}""", 7000215, "invalid_client")]
    [InlineData("""{"error":"invalid_client","error_codes":[700027,50012]}""", 700027, "invalid_client")]
    [InlineData("not json AADSTS90002: Tenant", 90002, null)]
    [InlineData("", null, null)]
    [InlineData("[1,2]", null, null)]
    public void TheErrorBodyIsReadAsEntraSendsIt(string body, int? code, string? error)
    {
        var response = EntraErrorResponse.Parse(body);

        Assert.Equal(code, response.Code);
        Assert.Equal(error, response.Error);
    }

    private static GraphMailException Map(int code) =>
        AadstsCatalog.ToException(EntraErrorResponse.Parse(Body(code)), 400, Context, new System.Exception("inner"));

    internal static string Body(int code) =>
        "{\"error\":\"invalid_request\",\"error_description\":\"AADSTS" + code + ": Something new.\\r\\nTrace ID: trace-1\\r\\nCorrelation ID: corr-1\\r\\nTimestamp: 2026-01-01 00:00:00Z\"," +
        "\"error_codes\":[" + code + "],\"trace_id\":\"trace-1\",\"correlation_id\":\"corr-1\"}";
}
