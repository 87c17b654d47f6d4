using System.IO;
using System.Security.Cryptography.X509Certificates;

namespace GraphMail.Tests.Infrastructure;

/// <summary>The default seed's values (src/GraphMail.Sandbox/Seed/default.json), named for tests.</summary>
internal static class SandboxDefaults
{
    internal const string TenantId = "30d943bf-6a43-47b0-a36a-66a1a07848ca";
    internal const string TenantDomain = "contoso.com";
    internal const string TenantInitialDomain = "contoso.onmicrosoft.com";
    internal const string OtherTenantDomain = "fabrikam.com";

    internal const string Noreply = "noreply@contoso.com";
    internal const string NoreplyId = "da00309b-09e3-449e-9c15-072b11156be6";
    internal const string Admin = "admin@contoso.com";

    /// <summary>Cloud Application Administrator: manages apps, cannot grant Microsoft Graph's app roles.</summary>
    internal const string AppAdmin = "appadmin@contoso.com";

    /// <summary>Microsoft Graph Command Line Tools: the first-party public client of admin sign-ins.</summary>
    internal const string GraphCommandLineToolsId = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
    internal const string Ceo = "ceo@contoso.com";
    internal const string Reports = "reports@contoso.com";
    internal const long ReportsMaxSendSize = 10 * 1024 * 1024;
    internal const string UnlicensedUser = "contractor@contoso.com";
    internal const string OnPremisesMailbox = "onprem@contoso.com";
    internal const string SendersGroup = "graphmail-senders@contoso.com";
    internal const string DistributionList = "all-staff@contoso.com";

    /// <summary>Mail.Send, scoped to graphmail-senders@ (noreply@, reports@) by a legacy application access policy; secret and certificate.</summary>
    internal const string SenderAppId = "51c27551-41e7-4952-a996-08bd0bfb1752";
    internal const string SenderSecret = "Sbx8Q~GraphMailSender.Secret-0001";
    internal const string SenderObjectId = "dffb6ad1-94d7-4294-8d0f-48c38b15a6d3";

    /// <summary>Exists in the tenant, nobody consented: tokens carry no roles.</summary>
    internal const string UnconsentedAppId = "496c0d13-47bb-44aa-b10b-4ce402cb1d21";
    internal const string UnconsentedSecret = "Sbx8Q~Unconsented.Secret-0002";

    /// <summary>Its secret and its certificate key credential expired on 2024-01-01.</summary>
    internal const string ExpiredAppId = "82e23bf3-c80d-4e5c-a4d5-de91de9b757e";
    internal const string ExpiredSecret = "Sbx8Q~Expired.Secret-0003";

    /// <summary>Mail.Send with no mailbox scoping: can send as any mailbox.</summary>
    internal const string UnscopedAppId = "f71d6a18-2082-40cb-8da2-0c7f47be96d8";
    internal const string UnscopedSecret = "Sbx8Q~Unscoped.Secret-0004";

    /// <summary>Mail.Send + Mail.ReadWrite (drafts, upload sessions), scoped like the sender app; secret and certificate.</summary>
    internal const string LargeAttachmentsAppId = "d0bf47c5-e6e9-4011-86fc-e62ba8a2cdda";
    internal const string LargeAttachmentsSecret = "Sbx8Q~LargeAttachments.Secret-0005";

    /// <summary>No Entra consent; Exchange RBAC for Applications grants Application Mail.Send for noreply@ only.</summary>
    internal const string RbacAppId = "3cb20295-e57a-43ec-a690-ab434012aec1";
    internal const string RbacSecret = "Sbx8Q~Rbac.Secret-0006";

    /// <summary>Mail.Send with a RestrictAccess policy that only takes effect an hour after the sandbox starts.</summary>
    internal const string FreshPolicyAppId = "2e4a81f8-d904-48db-ada9-1d764eacdcdd";
    internal const string FreshPolicySecret = "Sbx8Q~FreshPolicy.Secret-0007";

    internal const string SystemAssignedClientId = "2f19f7fd-8afd-4147-a180-089975384825";
    internal const string SystemAssignedObjectId = "a273db1a-1cae-4a84-8e79-bdc478d1c534";
    internal const string UserAssignedClientId = "a4498cb5-8123-48ef-90b8-0db301b6c7ae";
    internal const string UserAssignedObjectId = "23349016-7b6d-446f-9177-8999f2d59d42";
    internal const string UserAssignedResourceId =
        "/subscriptions/7f0b3c1e-0000-4000-8000-000000000000/resourceGroups/mail/providers/Microsoft.ManagedIdentity/userAssignedIdentities/graphmail-sender";

    internal const string AppCertificatePassword = "graphmail-sandbox";

    internal static string SeedDirectory => Path.Combine(RepositoryPaths.Root, "src", "GraphMail.Sandbox", "Seed");

    internal static string AppCertificatePfx => Path.Combine(SeedDirectory, "contoso-app.pfx");

    internal static string AppCertificatePem => Path.Combine(SeedDirectory, "contoso-app.pem");

    /// <summary>The seeded apps' client certificate with its private key (registered on the sender, large-attachments and expired apps).</summary>
    internal static X509Certificate2 LoadAppCertificate() =>
        X509CertificateLoader.LoadPkcs12FromFile(AppCertificatePfx, AppCertificatePassword, X509KeyStorageFlags.Exportable);
}
