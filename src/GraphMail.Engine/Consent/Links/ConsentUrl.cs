using System;
using System.Text;

namespace GraphMail.Engine.Consent.Links;

/// <summary>Writes an admin-consent URL: every path segment and query value percent-encoded (RFC 3986).</summary>
internal static class ConsentUrl
{
    /// <param name="authorityBase">https://login.microsoftonline.com/ or a sandbox's https://127.0.0.1:PORT/.</param>
    /// <param name="graphResource">The cloud's Graph resource, root of the v2 form's <c>/.default</c> scope.</param>
    internal static string Build(
        ConsentUrlForm form, Uri authorityBase, string tenant, string clientId, string graphResource, string redirectUri, string state)
    {
        var url = new StringBuilder(authorityBase.AbsoluteUri.TrimEnd('/'))
            .Append('/').Append(PercentEncoding.Encode(tenant))
            .Append(form == ConsentUrlForm.V2 ? "/v2.0/adminconsent" : "/adminconsent")
            .Append("?client_id=").Append(PercentEncoding.Encode(clientId));
        if (form == ConsentUrlForm.V2)
        {
            url.Append("&scope=").Append(PercentEncoding.Encode(graphResource + "/.default"));
        }

        if (redirectUri.Length > 0)
        {
            url.Append("&redirect_uri=").Append(PercentEncoding.Encode(redirectUri));
        }

        return url.Append("&state=").Append(PercentEncoding.Encode(state)).ToString();
    }
}
