using System;
using System.IO;
using System.Net;
using System.Text.Json;

namespace GraphMail.Engine.Connections;

/// <summary>
/// A GraphMail.Sandbox to talk to instead of Microsoft: read from the one JSON line the sandbox prints when it is
/// ready, or from its connection file. The only place GraphMail trusts a pinned certificate, and only on loopback.
/// </summary>
public sealed class SandboxEndpoint
{
    private SandboxEndpoint(Uri authorityBaseUri, Uri graphBaseUri, Uri? controlBaseUri, string certificateSha256, ManagedIdentityEndpoints? managedIdentity)
    {
        AuthorityBaseUri = authorityBaseUri;
        GraphBaseUri = graphBaseUri;
        ControlBaseUri = controlBaseUri;
        CertificateSha256 = certificateSha256;
        ManagedIdentity = managedIdentity;
    }

    /// <summary>https://127.0.0.1:PORT/ : the sandbox's Entra ID.</summary>
    public Uri AuthorityBaseUri { get; }

    /// <summary>https://127.0.0.1:PORT/v1.0 : the sandbox's Graph.</summary>
    public Uri GraphBaseUri { get; }

    public Uri? ControlBaseUri { get; }

    /// <summary>Hex SHA-256 of the sandbox's TLS certificate: the pin.</summary>
    public string CertificateSha256 { get; }

    public ManagedIdentityEndpoints? ManagedIdentity { get; }

    /// <summary>Reads the sandbox's ready line, or the path of a connection file holding it.</summary>
    public static SandboxEndpoint Parse(string readyLineOrPath)
    {
        if (string.IsNullOrWhiteSpace(readyLineOrPath))
        {
            throw Invalid("(empty)", "it is empty");
        }

        if (IsUrl(readyLineOrPath, out var url))
        {
            throw Invalid(readyLineOrPath, IsLoopback(url)
                ? "it is a URL; a sandbox is named by the JSON line it printed when it started (which pins its certificate), not by its address"
                : $"it is a URL whose host '{url.Host}' is not loopback: GraphMail trusts a sandbox only on 127.0.0.1, ::1 or localhost");
        }

        var text = IsReadyLine(readyLineOrPath) ? readyLineOrPath : ReadFile(readyLineOrPath);

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var authority = LoopbackUri(root, "authority", readyLineOrPath);
            var graph = LoopbackUri(root, "graph", readyLineOrPath);
            var control = root.TryGetProperty("control", out _) ? LoopbackUri(root, "control", readyLineOrPath) : null;
            var pin = RequiredString(root, "certificateSha256", readyLineOrPath);
            return new SandboxEndpoint(authority, graph, control, pin.ToUpperInvariant(), ManagedIdentityEndpoints.From(root));
        }
        catch (JsonException e)
        {
            throw Invalid(readyLineOrPath, "it is not the JSON line GraphMail.Sandbox prints when it is ready (" + e.Message + ")");
        }
    }

    /// <summary>True for what is not a path: the ready line itself, or a URL (which <see cref="Parse"/> refuses by name).</summary>
    public static bool IsLineOrUrl(string text) => IsReadyLine(text) || IsUrl(text, out _);

    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static bool IsReadyLine(string text) => text.TrimStart().StartsWith("{", StringComparison.Ordinal);

    private static bool IsUrl(string text, out Uri url) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out url!) && url.Scheme is "http" or "https" && text.IndexOf("://", StringComparison.Ordinal) > 0;

    private static string ReadFile(string path)
    {
        // Never opened unless it is a regular file: a FIFO would block the read until a writer came.
        if (FileSystem.FileKinds.Of(path) is var kind && kind != FileSystem.FileKind.Regular)
        {
            throw Invalid(path, kind == FileSystem.FileKind.Missing
                ? "no sandbox connection file is there"
                : $"it is {FileSystem.FileKinds.Describe(kind)}, not a sandbox connection file");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Invalid(path, "no sandbox connection file can be read there (" + e.Message + ")");
        }
    }

    private static Uri LoopbackUri(JsonElement root, string property, string input)
    {
        var text = RequiredString(root, property, input);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw Invalid(input, $"its '{property}' value '{text}' is not an absolute https URL");
        }

        if (!IsLoopback(uri))
        {
            throw Invalid(input, $"its '{property}' host '{uri.Host}' is not loopback; a pinned sandbox certificate is trusted only on 127.0.0.1, ::1 or localhost");
        }

        return uri;
    }

    private static string RequiredString(JsonElement root, string property, string input) =>
        root.ValueKind == JsonValueKind.Object &&
        root.TryGetProperty(property, out var value) &&
        value.ValueKind == JsonValueKind.String &&
        value.GetString() is { Length: > 0 } text
            ? text
            : throw Invalid(input, $"it has no '{property}' value");

    private static GraphMailException Invalid(string input, string why) =>
        new(ErrorIds.InvalidSandboxEndpoint, GraphMailErrorKind.InvalidArgument,
            $"The sandbox endpoint '{Shorten(input)}' cannot be used: {why}.",
            "Pass the JSON line GraphMail.Sandbox printed when it started, or the path given to its --connection-file option.");

    private static string Shorten(string text) => text.Length <= 120 ? text : text.Substring(0, 117) + "...";
}

/// <summary>The sandbox's managed-identity endpoints, as MSAL finds them through environment variables.</summary>
public sealed class ManagedIdentityEndpoints
{
    private ManagedIdentityEndpoints(Uri? identityEndpoint, string? identityHeader, Uri? imdsEndpoint)
    {
        IdentityEndpoint = identityEndpoint;
        IdentityHeader = identityHeader;
        ImdsEndpoint = imdsEndpoint;
    }

    /// <summary>App Service / Azure Automation style: IDENTITY_ENDPOINT.</summary>
    public Uri? IdentityEndpoint { get; }

    /// <summary>The IDENTITY_HEADER value the App Service style endpoint expects.</summary>
    public string? IdentityHeader { get; }

    /// <summary>IMDS style base address.</summary>
    public Uri? ImdsEndpoint { get; }

    internal static ManagedIdentityEndpoints? From(JsonElement root)
    {
        if (!root.TryGetProperty("managedIdentity", out var mi) || mi.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new ManagedIdentityEndpoints(OptionalUri(mi, "identityEndpoint"), OptionalString(mi, "identityHeader"), OptionalUri(mi, "imdsEndpoint"));
    }

    private static string? OptionalString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Uri? OptionalUri(JsonElement element, string property) =>
        OptionalString(element, property) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) && SandboxEndpoint.IsLoopback(uri)
            ? uri
            : null;
}
