using System;
using System.Globalization;

namespace GraphMail.Engine.Consent.Links;

/// <summary>The checks a consent link's client ID, redirect URI and state pass before anything else happens.</summary>
internal static class ConsentInputRules
{
    /// <summary>Entra ID stores at most 256 characters per redirect URI (reply-url restrictions).</summary>
    internal const int MaxRedirectUriLength = 256;

    // Entra ID's reply-url restrictions: redirect URIs do not support these.
    private const string UnsupportedRedirectCharacters = "!$'(),;";

    internal static string ClientId(string? input)
    {
        var text = (input ?? string.Empty).Trim();
        return Guid.TryParseExact(text, "D", out var id) && id != Guid.Empty
            ? id.ToString("D")
            : throw new GraphMailException(
                ErrorIds.InvalidConsentClientId, GraphMailErrorKind.InvalidArgument,
                $"ClientId '{Printable(text)}' is not an application (client) ID: it must be a non-zero GUID such as 00001111-aaaa-2222-bbbb-3333cccc4444.",
                "Copy the Application (client) ID from the app registration's Overview page in the Entra admin center.");
    }

    /// <summary>The redirect URI exactly as given (it must match a registered one character for character), or empty.</summary>
    internal static string RedirectUri(string? input, ConsentUrlForm form)
    {
        if (input is null || input.Length == 0)
        {
            return form == ConsentUrlForm.V2
                ? throw new GraphMailException(
                    ErrorIds.ConsentRedirectUriRequired, GraphMailErrorKind.InvalidArgument,
                    "The v2 form needs -RedirectUri: Entra ID requires redirect_uri on /v2.0/adminconsent.",
                    "Pass a redirect URI registered on the app (App registrations > Authentication > Web), or use -Form V1.")
                : string.Empty;
        }

        if (FirstUnencodable(input) is { } bad)
        {
            throw InvalidRedirect(input, $"it contains the character U+{(int)bad:X4}, which a URL cannot carry");
        }

        if (input.Trim() != input)
        {
            throw InvalidRedirect(input, "it starts or ends with white space");
        }

        if (input.Length > MaxRedirectUriLength)
        {
            throw InvalidRedirect(input, $"it has {input.Length} characters; Entra ID stores at most {MaxRedirectUriLength} per redirect URI");
        }

        if (!Uri.TryCreate(input, UriKind.Absolute, out var uri))
        {
            throw InvalidRedirect(input, "it is not an absolute URL such as https://vendor.example/consent");
        }

        if (input.IndexOf('#') >= 0)
        {
            throw InvalidRedirect(input, "it has a fragment ('#'); a redirect URI must not have one (RFC 6749 section 3.1.2)");
        }

        if (input.IndexOfAny(UnsupportedRedirectCharacters.ToCharArray()) is var special and >= 0)
        {
            throw InvalidRedirect(input, $"it contains '{input[special]}'; Entra ID redirect URIs do not support the characters {UnsupportedRedirectCharacters}");
        }

        var loopback = uri.Host is "localhost" or "127.0.0.1";
        return uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && loopback)
            ? input
            : throw InvalidRedirect(input, "it must use https; http is allowed only for http://localhost and http://127.0.0.1");
    }

    /// <summary>The state as given, or a fresh random one when none is given.</summary>
    internal static string State(string? input, Func<string> generate)
    {
        if (input is null)
        {
            return generate();
        }

        if (input.Trim().Length == 0)
        {
            throw InvalidState(input, "it is empty or blank; leave -State out to get a random one");
        }

        return FirstUnencodable(input) is { } bad
            ? throw InvalidState(input, $"it contains the character U+{(int)bad:X4}, which a URL cannot carry")
            : input;
    }

    /// <summary>The first control character or lone surrogate (which UTF-8 cannot encode); a pair, such as an emoji, is fine.</summary>
    private static char? FirstUnencodable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsControl(c) || char.IsSurrogate(c))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>The text with control characters written as \uXXXX, for messages that quote user input.</summary>
    internal static string Printable(string text) =>
        string.Concat(Array.ConvertAll(text.ToCharArray(), c => char.IsControl(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString()));

    private static GraphMailException InvalidRedirect(string value, string why) =>
        new(ErrorIds.InvalidConsentRedirectUri, GraphMailErrorKind.InvalidArgument,
            $"RedirectUri '{Printable(value)}' cannot be used: {why}.",
            "Pass the redirect URI exactly as registered on the app (App registrations > Authentication > Web), or leave -RedirectUri out with the v1 form.");

    private static GraphMailException InvalidState(string value, string why) =>
        new(ErrorIds.InvalidConsentState, GraphMailErrorKind.InvalidArgument,
            $"State '{Printable(value)}' cannot be used: {why}.",
            "Pass printable text, or leave -State out and use the random state the link carries.");
}
