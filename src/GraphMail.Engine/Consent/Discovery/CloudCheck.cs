using System;
using System.Linq;
using GraphMail.Engine.Connections;

namespace GraphMail.Engine.Consent.Discovery;

/// <summary>Does the tenant live in the cloud the link is being made for? Its cloud_instance_name says.</summary>
internal static class CloudCheck
{
    /// <summary>
    /// Throws when the tenant reports another cloud of GraphMail's table. Returns a note when it reports a cloud
    /// instance GraphMail does not know (nothing to compare), otherwise null. USGov and USGovDoD share one sign-in
    /// cloud (microsoftonline.us), so this cannot tell them apart.
    /// </summary>
    internal static string? Ensure(CloudEnvironment requested, TenantDetails tenant, string tenantName)
    {
        var reported = tenant.CloudInstanceName;
        if (reported.Length == 0 || Same(reported, requested.CloudInstanceName))
        {
            return null;
        }

        var home = CloudEnvironments.All.Where(c => Same(c.CloudInstanceName, reported)).Select(c => c.Name.ToString()).ToList();
        if (home.Count == 0)
        {
            return $"Tenant '{tenantName}' reports the cloud instance '{reported}', which GraphMail does not know; check that -Environment {requested.Name} is right.";
        }

        throw new GraphMailException(
            ErrorIds.ConsentTenantInOtherCloud, GraphMailErrorKind.InvalidArgument,
            $"Tenant '{tenantName}' lives in the {string.Join(" or ", home)} cloud ({reported}), not in {requested.Name} ({requested.CloudInstanceName}): neither sign-in nor a consent link on {requested.AuthorityHost} works for it.",
            $"Run again with -Environment {string.Join(" or -Environment ", home)}.");
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
