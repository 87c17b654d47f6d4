using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace GraphMail.Engine.Transport;

/// <summary>What Graph's answers mean for the token.</summary>
internal static class GraphAnswers
{
    internal const string InvalidAuthenticationToken = "InvalidAuthenticationToken";

    internal static async Task<bool> IsRejectedTokenAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return false;
        }

        foreach (var challenge in response.Headers.WwwAuthenticate)
        {
            if (challenge.Parameter?.IndexOf("invalid_token", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        // ReadAsStringAsync buffers the body, so the caller can still read it when this is not a token rejection.
        var body = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return body.IndexOf("\"" + InvalidAuthenticationToken + "\"", StringComparison.Ordinal) >= 0;
    }
}
