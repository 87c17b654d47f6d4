using System.Collections.Generic;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Consent.Links;

namespace GraphMail.Engine.Consent;

/// <summary>The notes a consent link carries: what was not checked, and where the admin's browser will land.</summary>
internal sealed class ConsentLinkNotes
{
    private readonly List<string> _notes = new();

    internal ConsentLinkNotes(ConsentTenant tenant, string redirectUri, SandboxEndpoint? sandbox)
    {
        if (tenant.IsKeyword)
        {
            Add($"'{tenant.Value}' lets the admin's own tenant be chosen at sign-in, so TenantId is known only from the answer "
                + "(ConvertFrom-GraphMailConsentResponse), and that answer can be forged: confirm the tenant before relying on it.");
        }

        if (redirectUri.Length == 0)
        {
            Add("No RedirectUri: after the admin accepts, Entra ID sends the browser to the app's default reply URL, or shows "
                + "AADSTS500113 when the app has none. The consent is recorded either way.");
        }

        if (sandbox is not null)
        {
            Add($"This link points at the GraphMail.Sandbox at {sandbox.AuthorityBaseUri}, not at Microsoft Entra ID.");
        }
    }

    internal IReadOnlyList<string> All => _notes;

    internal void LookupSkipped() =>
        Add("Tenant lookup skipped (-SkipTenantLookup): TenantId is the ID as given, or empty for a domain, and neither the tenant nor its cloud was checked.");

    internal void Add(string? note)
    {
        if (note is not null)
        {
            _notes.Add(note);
        }
    }
}
