using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Consent.Discovery;

namespace GraphMail.Engine.Setup.Checks;

/// <summary>Does the tenant resolve? The consent engine's OpenID discovery answers with its GUID and cloud.</summary>
internal static class TenantCheck
{
    internal static async Task RunAsync(CheckList checks, SetupSubject subject, ITenantDirectory directory, ConnectionPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Tenant is not { } tenant)
        {
            checks.Skip(SetupCheck.Tenant, "No -TenantId was given: a managed identity's token names its tenant (see the summary).");
            return;
        }

        var where = plan.Sandbox is null ? $"the {plan.Cloud.Name} cloud ({plan.Cloud.AuthorityHost})" : $"the GraphMail.Sandbox at {plan.Sandbox.AuthorityBaseUri}";
        try
        {
            var details = await directory.FindAsync(plan.AuthorityBaseUri, tenant.Value, where, plan.Sandbox, cancellationToken).ConfigureAwait(false);
            var note = CloudCheck.Ensure(plan.Cloud, details, tenant.Value);
            subject.TenantId = details.TenantId;
            var region = details.RegionScope.Length == 0 ? string.Empty : $", region {details.RegionScope}";
            checks.Add(Results.Passed(SetupCheck.Tenant, $"'{tenant.Value}' is tenant {details.TenantId} in {where}{region}." + (note is null ? string.Empty : " " + note)));
        }
        catch (GraphMailException e)
        {
            checks.Add(e.ErrorId == ErrorIds.ConsentTenantLookupFailed
                ? Results.Failed(SetupCheck.Tenant, e.Cause, "Check the network path to " + where + " (proxy, firewall, DNS) and run the test again.", e)
                : Results.From(SetupCheck.Tenant, e));
        }
    }

    internal static void FromConnection(CheckList checks, SetupSubject subject, ConnectionInfo info)
    {
        subject.TenantId = info.TenantId.ToString("D");
        var where = info.IsSandbox ? "the GraphMail.Sandbox at " + info.AuthorityHost : "the " + info.Environment + " cloud (" + info.AuthorityHost + ")";
        checks.Add(Results.Passed(SetupCheck.Tenant,
            $"The current connection (Connect-GraphMail) signed in to tenant {(info.TenantDomain is null ? string.Empty : info.TenantDomain + " = ")}{info.TenantId:D} in {where}."));
    }
}
