using System;
using System.Text.Json;

namespace GraphMail.Engine.Consent.Discovery;

/// <summary>Reads the tenant ID, cloud and region from an OpenID configuration document.</summary>
internal static class OpenIdConfiguration
{
    internal static TenantDetails Parse(string json, string tenant, string where)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Unreadable(tenant, where, "it is not a JSON object");
            }

            var id = TenantIdIn(String(root, "issuer")) ?? TenantIdIn(String(root, "token_endpoint"))
                ?? throw Unreadable(tenant, where, "neither its issuer nor its token_endpoint names a tenant ID");
            return new TenantDetails(id, String(root, "cloud_instance_name"), String(root, "tenant_region_scope"));
        }
        catch (JsonException e)
        {
            throw Unreadable(tenant, where, "it is not JSON (" + e.Message + ")");
        }
    }

    /// <summary>The GUID that is the first path segment of https://host/{tenant-id}/..., or null.</summary>
    internal static string? TenantIdIn(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 0 && Guid.TryParseExact(segments[0], "D", out var id) ? id.ToString("D") : null;
    }

    private static string String(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;

    private static GraphMailException Unreadable(string tenant, string where, string why) =>
        new(ErrorIds.ConsentTenantLookupFailed, GraphMailErrorKind.InvalidData,
            $"The OpenID configuration of tenant '{tenant}' in {where} cannot be read: {why}.",
            "Use -SkipTenantLookup to make the link without looking the tenant up, and give the tenant ID yourself.");
}
