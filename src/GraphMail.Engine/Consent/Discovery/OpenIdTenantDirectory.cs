using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Consent.Links;
using GraphMail.Engine.Transport;
using GraphMail.Engine.Entra;

namespace GraphMail.Engine.Consent.Discovery;

/// <summary>
/// Looks a tenant up through <c>GET /{tenant}/v2.0/.well-known/openid-configuration</c>: anonymous, and answered with
/// GUID-based URLs whether the tenant is named by domain or by ID.
/// </summary>
public sealed class OpenIdTenantDirectory : ITenantDirectory
{
    private const int MaxDocumentBytes = 1024 * 1024;

    private readonly Func<SandboxEndpoint?, HttpMessageHandler> _handlers;
    private readonly TimeSpan _timeout;

    internal OpenIdTenantDirectory(Func<SandboxEndpoint?, HttpMessageHandler> handlers, TimeSpan timeout)
    {
        _handlers = handlers;
        _timeout = timeout;
    }

    /// <summary>Platform TLS validation for Microsoft's clouds; the pinned certificate for a sandbox on loopback.</summary>
    public static OpenIdTenantDirectory Default { get; } = new(HttpTransport.CreateHandler, TimeSpan.FromSeconds(30));

    public async Task<TenantDetails> FindAsync(Uri authorityBase, string tenant, string where, SandboxEndpoint? sandbox, CancellationToken cancellationToken)
    {
        var address = new Uri(authorityBase, PercentEncoding.Encode(tenant) + "/v2.0/.well-known/openid-configuration");
        using var client = new HttpClient(_handlers(sandbox), disposeHandler: true) { Timeout = _timeout, MaxResponseContentBufferSize = MaxDocumentBytes };
        try
        {
            using var response = await client.GetAsync(address, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? OpenIdConfiguration.Parse(body, tenant, where)
                : throw Refused(response.StatusCode, body, tenant, where);
        }
        catch (HttpRequestException e)
        {
            throw new GraphMailException(
                ErrorIds.ConsentTenantLookupFailed, GraphMailErrorKind.ConnectionError,
                $"The tenant lookup for '{tenant}' could not reach {where} at {address.GetLeftPart(UriPartial.Authority)}: {Innermost(e).Message}",
                "Check the network, proxy and firewall, or use -SkipTenantLookup to make the link offline.",
                e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GraphMailException(
                ErrorIds.ConsentTenantLookupFailed, GraphMailErrorKind.OperationTimeout,
                $"The tenant lookup for '{tenant}' in {where} got no answer within {_timeout.TotalSeconds:0} seconds.",
                "Try again, or use -SkipTenantLookup to make the link offline.",
                e);
        }
    }

    private static GraphMailException Refused(HttpStatusCode status, string body, string tenant, string where)
    {
        var answer = EntraErrorResponse.Parse(body);
        var description = answer.FirstLine ?? string.Empty;
        var code = (int)status;
        var error = answer.Code == 90002 || answer.Error == "invalid_tenant"
            ? new GraphMailException(
                ErrorIds.ConsentTenantNotFound, GraphMailErrorKind.ObjectNotFound,
                $"Tenant '{tenant}' was not found in {where}; check the spelling or the cloud.",
                "Check the domain or tenant ID, and pass -Environment USGov, USGovDoD or China for a tenant in a national cloud.")
            : new GraphMailException(
                ErrorIds.ConsentTenantLookupFailed, GraphMailErrorKind.ResourceUnavailable,
                $"{where} answered HTTP {code} to the tenant lookup for '{tenant}'" + (description.Length > 0 ? ": " + description : "."),
                "Try again later, or use -SkipTenantLookup to make the link without looking the tenant up.");
        return error.WithService(answer.CodeText, code, answer.TraceId, answer.CorrelationId);
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
