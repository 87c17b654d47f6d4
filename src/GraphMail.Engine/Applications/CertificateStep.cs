using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Applications.Credentials;
using Microsoft.Graph.Models;

namespace GraphMail.Engine.Applications;

/// <summary>
/// The default credential: a certificate made here (RSA 2048), its public part registered on the app (keyCredentials),
/// its private key kept in Cert:\CurrentUser\My or in the PFX given to -CertificatePath. A certificate an earlier run
/// made and registered is found and kept.
/// </summary>
internal static class CertificateStep
{
    private const string Step = "Certificate";

    internal static async Task<ConnectionRequest?> EnsureAsync(RegistrationRun run, Application app, CancellationToken cancellationToken)
    {
        var request = run.Request;
        run.Result.CredentialType = "Certificate";
        var registered = Registered(app);
        var path = request.CertificatePath;
        var existing = path is not null
            ? CertificateKeeper.ReadPfx(path, request.CertificatePassword)
            : CertificateKeeper.FindInStore(request.DisplayName).FirstOrDefault(c => registered.Contains(c.Thumbprint) && c.NotAfter > DateTime.Now);
        if (existing is not null && !request.RotateCredential && registered.Contains(existing.Thumbprint))
        {
            Describe(run, existing);
            run.Step(Step, ApplicationStepStatus.Found, $"Certificate {existing.Thumbprint} is registered on the app and kept at {run.Result.CertificateLocation}.");
            return SecretStep.SignIn(run, new CertificateCredential(existing));
        }

        var isNew = existing is null || request.RotateCredential;
        if (path is not null && !isNew)
        {
            if (!run.Approve(Step, $"Register the certificate {existing!.Thumbprint} from {path} on the app"))
            {
                return null;
            }

            await RegisterAsync(run, app, existing, cancellationToken).ConfigureAwait(false);
            Describe(run, existing);
            run.Step(Step, ApplicationStepStatus.Updated, $"Certificate {existing.Thumbprint} from {path} registered on the app.");
            return SecretStep.SignIn(run, new CertificateCredential(existing));
        }

        if (!run.Approve(Step, $"Make a certificate valid for {request.CredentialLifetime.TotalDays:0} days, register it on the app and keep its key in {path ?? CertificateKeeper.StoreLocationText}"))
        {
            return null;
        }

        var now = DateTimeOffset.UtcNow;
        var made = CertificateMaker.Create(request.DisplayName, now.AddMinutes(-5), now + request.CredentialLifetime);
        if (path is not null && existing is not null)
        {
            throw new GraphMailException(ErrorIds.CertificateFileExists, GraphMailErrorKind.InvalidArgument,
                $"-RotateCredential would overwrite '{path}', which holds the app's current certificate {existing.Thumbprint}.",
                "Pass a new -CertificatePath for the new certificate.");
        }

        await RegisterAsync(run, app, made, cancellationToken).ConfigureAwait(false);
        if (path is not null)
        {
            CertificateKeeper.WritePfx(made, path, request.CertificatePassword!);
        }
        else
        {
            CertificateKeeper.AddToStore(made);
        }

        Describe(run, made);
        run.Step(Step, ApplicationStepStatus.Created, $"Certificate {made.Thumbprint} (RSA {CertificateMaker.KeySize}) made, registered on the app, its key kept at {run.Result.CertificateLocation}.");
        return SecretStep.SignIn(run, new CertificateCredential(made));
    }

    /// <summary>The thumbprints (SHA-1 hex) of the certificates registered on the app.</summary>
    internal static HashSet<string> Registered(Application app) =>
        new((app.KeyCredentials ?? []).Select(k => k.CustomKeyIdentifier is { Length: 20 } hash ? BitConverter.ToString(hash).Replace("-", string.Empty) : k.Key is { } key ? new X509Certificate2(key).Thumbprint : null)
            .Where(t => t is not null).Select(t => t!), StringComparer.OrdinalIgnoreCase);

    /// <summary>PATCH replaces the whole collection: the keys already there (with their key material), then the new one.</summary>
    private static async Task RegisterAsync(RegistrationRun run, Application app, X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        var keys = (app.KeyCredentials ?? []).ToList();
        keys.Add(new KeyCredential
        {
            Type = "AsymmetricX509Cert",
            Usage = "Verify",
            Key = certificate.RawData,
            DisplayName = certificate.Subject,
            StartDateTime = certificate.NotBefore.ToUniversalTime(),
            EndDateTime = certificate.NotAfter.ToUniversalTime(),
        });
        await run.Directory.UpdateApplicationAsync(app.Id!, new Application { KeyCredentials = keys }, "register the certificate on the app", cancellationToken).ConfigureAwait(false);
        app.KeyCredentials = keys;
    }

    private static void Describe(RegistrationRun run, X509Certificate2 certificate)
    {
        run.Result.CertificateThumbprint = certificate.Thumbprint;
        run.Result.CredentialExpiresOn = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
        run.Result.CertificatePath = run.Request.CertificatePath;
        run.Result.CertificatePassword = run.Request.CertificatePath is null ? null : run.Request.CertificatePassword;
        run.Result.CertificateLocation = run.Request.CertificatePath ?? CertificateKeeper.StoreLocationText + @"\" + certificate.Thumbprint;
    }
}
