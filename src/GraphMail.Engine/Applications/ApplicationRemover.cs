using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Applications.Credentials;
using GraphMail.Engine.Connections.Admin;
using Microsoft.Graph.Models;

namespace GraphMail.Engine.Applications;

/// <summary>
/// Remove-GraphMailApplication's engine: the app's service principal (with the permissions granted to it), the app
/// registration, and the local certificates New-GraphMailApplication made for it: in Cert:\CurrentUser\My those whose
/// subject is GraphMail's for this app and whose thumbprint is registered on it, and the PFX given, if it holds one.
/// </summary>
public static class ApplicationRemover
{
    public static async Task<IReadOnlyList<GraphMailApplicationStep>> RemoveAsync(AdminConnection admin, RemovalRequest request, CancellationToken cancellationToken)
    {
        var directory = new DirectoryClient(admin);
        request.Status("Looking up the app");
        var app = await FindAsync(directory, request, cancellationToken).ConfigureAwait(false);
        var tenant = admin.Info.TenantDomain ?? admin.Info.TenantId.ToString();
        var steps = new List<GraphMailApplicationStep>();
        var thumbprints = CertificateStep.Registered(app);
        var action = thumbprints.Count == 0
            ? "Remove the app registration and its service principal"
            : "Remove the app registration, its service principal and its local certificate";
        if (!request.Approve($"app '{app.DisplayName}' (client ID {app.AppId}) in tenant {tenant}", action))
        {
            steps.Add(new GraphMailApplicationStep("Application", ApplicationStepStatus.Skipped, "Not removed (-WhatIf, or declined)."));
            return steps;
        }

        if (await directory.FindServicePrincipalAsync(app.AppId!, cancellationToken).ConfigureAwait(false) is { } principal)
        {
            request.Status("Removing the service principal");
            await directory.DeleteServicePrincipalAsync(principal.Id!, cancellationToken).ConfigureAwait(false);
            steps.Add(new GraphMailApplicationStep("ServicePrincipal", ApplicationStepStatus.Removed, $"Enterprise application {principal.Id} removed, with its admin consent."));
        }

        request.Status("Removing the app registration");
        await directory.DeleteApplicationAsync(app.Id!, cancellationToken).ConfigureAwait(false);
        steps.Add(new GraphMailApplicationStep("Application", ApplicationStepStatus.Removed,
            $"App registration {app.AppId} removed (Entra ID keeps it in Deleted applications for 30 days)."));
        steps.AddRange(RemoveLocalCertificates(request, app.DisplayName ?? string.Empty, thumbprints));
        return steps;
    }

    private static async Task<Application> FindAsync(DirectoryClient directory, RemovalRequest request, CancellationToken cancellationToken)
    {
        if (request.ClientId is { } clientId)
        {
            return await directory.FindApplicationByAppIdAsync(Connections.InputChecks.ClientId(clientId), cancellationToken).ConfigureAwait(false)
                ?? throw NotFound("client ID " + clientId);
        }

        var name = request.DisplayName ?? string.Empty;
        var found = await directory.FindApplicationsByNameAsync(name, cancellationToken).ConfigureAwait(false);
        return found.Count switch
        {
            1 => found[0],
            0 => throw NotFound("the name '" + name + "'"),
            _ => throw new GraphMailException(ErrorIds.ApplicationNameAmbiguous, GraphMailErrorKind.InvalidArgument,
                $"{found.Count} app registrations are named '{name}' (client IDs {string.Join(", ", found.Select(a => a.AppId))}).",
                "Pass -ClientId with the one to remove."),
        };
    }

    private static IEnumerable<GraphMailApplicationStep> RemoveLocalCertificates(RemovalRequest request, string displayName, HashSet<string> thumbprints)
    {
        if (request.CertificatePath is { } path && File.Exists(path))
        {
            var file = CertificateKeeper.ReadPfx(path, request.CertificatePassword);
            if (file is not null && thumbprints.Contains(file.Thumbprint))
            {
                File.Delete(path);
                yield return new GraphMailApplicationStep("Certificate", ApplicationStepStatus.Removed, $"{path} (certificate {file.Thumbprint}) deleted.");
            }
            else
            {
                yield return new GraphMailApplicationStep("Certificate", ApplicationStepStatus.Skipped, $"{path} was kept: it holds no certificate of this app.");
            }
        }

        foreach (var thumbprint in thumbprints)
        {
            GraphMailApplicationStep? step = null;
            try
            {
                if (CertificateKeeper.RemoveFromStore(thumbprint, displayName))
                {
                    step = new GraphMailApplicationStep("Certificate", ApplicationStepStatus.Removed, $@"{CertificateKeeper.StoreLocationText}\{thumbprint} deleted.");
                }
            }
            catch (GraphMailException e) when (e.ErrorId == ErrorIds.CertificateStoreUnavailable)
            {
                step = new GraphMailApplicationStep("Certificate", ApplicationStepStatus.Skipped, e.Cause);
            }

            if (step is not null)
            {
                yield return step;
            }
        }
    }

    private static GraphMailException NotFound(string what) =>
        new(ErrorIds.ApplicationNotFound, GraphMailErrorKind.ObjectNotFound,
            $"No app registration with {what} was found in this tenant.",
            "Check the name or client ID in Entra ID > App registrations (All applications); an app removed already is under Deleted applications.");
}
