using System;
using System.Collections.Generic;

namespace GraphMail.Engine.Connections;

/// <summary>The sign-in and Graph hosts of one Microsoft cloud.</summary>
public sealed class CloudEnvironment
{
    internal CloudEnvironment(GraphMailEnvironment name, string authorityHost, string graphHost, string cloudInstanceName)
    {
        Name = name;
        AuthorityHost = authorityHost;
        GraphHost = graphHost;
        CloudInstanceName = cloudInstanceName;
    }

    public GraphMailEnvironment Name { get; }

    /// <summary>Entra ID sign-in host, e.g. login.microsoftonline.com.</summary>
    public string AuthorityHost { get; }

    /// <summary>Microsoft Graph host, e.g. graph.microsoft.com.</summary>
    public string GraphHost { get; }

    /// <summary>The cloud_instance_name a tenant of this cloud reports in its OpenID configuration.</summary>
    public string CloudInstanceName { get; }

    public Uri AuthorityBaseUri => new("https://" + AuthorityHost + "/");

    /// <summary>The token audience and the root of the <c>.default</c> scope.</summary>
    public string GraphResource => "https://" + GraphHost;

    public Uri GraphBaseUri => new("https://" + GraphHost + "/v1.0");
}

/// <summary>The one table of clouds GraphMail knows.</summary>
public static class CloudEnvironments
{
    private static readonly Dictionary<GraphMailEnvironment, CloudEnvironment> Table = new()
    {
        [GraphMailEnvironment.Global] = new(GraphMailEnvironment.Global, "login.microsoftonline.com", "graph.microsoft.com", "microsoftonline.com"),
        [GraphMailEnvironment.USGov] = new(GraphMailEnvironment.USGov, "login.microsoftonline.us", "graph.microsoft.us", "microsoftonline.us"),
        [GraphMailEnvironment.USGovDoD] = new(GraphMailEnvironment.USGovDoD, "login.microsoftonline.us", "dod-graph.microsoft.us", "microsoftonline.us"),
        [GraphMailEnvironment.China] = new(GraphMailEnvironment.China, "login.chinacloudapi.cn", "microsoftgraph.chinacloudapi.cn", "partner.microsoftonline.cn"),
    };

    public static IReadOnlyCollection<CloudEnvironment> All => Table.Values;

    public static CloudEnvironment Get(GraphMailEnvironment name) =>
        Table.TryGetValue(name, out var cloud)
            ? cloud
            : throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown cloud.");
}
