using System;
using System.Collections.Generic;
using GraphMail.Engine.Connections.Certificates;
using GraphMail.Engine.Connections.Tokens;

namespace GraphMail.Engine.Connections.Configuration;

/// <summary>
/// Connect-GraphMail -EnvironmentVariable: a connection described by environment variables, for CI and scheduled
/// jobs. GraphMail's own names come first; the Azure SDK's EnvironmentCredential names are the fallback. As with
/// EnvironmentCredential, a client secret wins over a certificate path when both are set.
/// </summary>
public static class EnvironmentConfiguration
{
    public const string TenantId = "GRAPHMAIL_TENANT_ID";
    public const string ClientId = "GRAPHMAIL_CLIENT_ID";
    public const string ClientSecret = "GRAPHMAIL_CLIENT_SECRET";
    public const string CertificatePath = "GRAPHMAIL_CLIENT_CERTIFICATE_PATH";
    public const string CertificatePassword = "GRAPHMAIL_CLIENT_CERTIFICATE_PASSWORD";
    public const string Environment = "GRAPHMAIL_ENVIRONMENT";
    public const string DefaultFrom = "GRAPHMAIL_DEFAULT_FROM";

    private static readonly Dictionary<string, string> AzureNames = new()
    {
        [TenantId] = "AZURE_TENANT_ID",
        [ClientId] = "AZURE_CLIENT_ID",
        [ClientSecret] = "AZURE_CLIENT_SECRET",
        [CertificatePath] = "AZURE_CLIENT_CERTIFICATE_PATH",
        [CertificatePassword] = "AZURE_CLIENT_CERTIFICATE_PASSWORD",
    };

    /// <summary>Reads the variables into a request. The certificate file, if named, is loaded here.</summary>
    public static ConnectionRequest Read(IEnvironmentVariables variables)
    {
        var tenant = Value(variables, TenantId);
        var client = Value(variables, ClientId);
        var secret = Value(variables, ClientSecret);
        var certificatePath = Value(variables, CertificatePath);
        var missing = new List<string>();
        if (tenant is null)
        {
            missing.Add(Both(TenantId));
        }

        if (client is null)
        {
            missing.Add(Both(ClientId));
        }

        if (secret is null && certificatePath is null)
        {
            missing.Add(Both(ClientSecret) + " or " + Both(CertificatePath));
        }

        if (missing.Count > 0)
        {
            throw new GraphMailException(ErrorIds.EnvironmentVariablesMissing, GraphMailErrorKind.InvalidArgument,
                "Connect-GraphMail -EnvironmentVariable is missing: " + string.Join("; ", missing) + ".",
                $"Set {TenantId}, {ClientId}, and {ClientSecret} or {CertificatePath} (with {CertificatePassword} for a protected PFX).");
        }

        return new ConnectionRequest
        {
            TenantId = tenant,
            ClientId = client,
            Credential = secret is not null
                ? new ClientSecretCredential(SecureStrings.From(secret))
                : CertificateFiles.Load(certificatePath, Value(variables, CertificatePassword) is { } password ? SecureStrings.From(password) : null),
            Environment = CloudOf(variables),
            DefaultFrom = Value(variables, DefaultFrom),
        };
    }

    private static GraphMailEnvironment CloudOf(IEnvironmentVariables variables)
    {
        var text = Value(variables, Environment);
        if (text is null)
        {
            return GraphMailEnvironment.Global;
        }

        foreach (GraphMailEnvironment cloud in Enum.GetValues(typeof(GraphMailEnvironment)))
        {
            if (cloud.ToString().Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                return cloud;
            }
        }

        throw new GraphMailException(ErrorIds.InvalidEnvironmentVariable, GraphMailErrorKind.InvalidArgument,
            $"{Environment} is '{text}', which is not a Microsoft cloud GraphMail knows.",
            $"Set {Environment} to Global, USGov, USGovDoD or China, or remove it for Global.").Targeting(text);
    }

    private static string? Value(IEnvironmentVariables variables, string name) =>
        NonEmpty(variables.Get(name)) ?? (AzureNames.TryGetValue(name, out var azure) ? NonEmpty(variables.Get(azure)) : null);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    private static string Both(string name) => AzureNames.TryGetValue(name, out var azure) ? name + " (or " + azure + ")" : name;
}
