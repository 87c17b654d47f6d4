using System.Collections.Generic;

namespace GraphMail.Engine.Consent.Responses;

/// <summary>One line of cause and one of fix for an error an admin-consent answer can carry.</summary>
internal sealed class ConsentErrorAdvice
{
    private const string ConsentRoles = "a Global Administrator or Privileged Role Administrator";

    // The AADSTS codes admin consent runs into (Entra ID's reference-error-codes, the admin-consent and reply-URL docs).
    private static readonly Dictionary<string, ConsentErrorAdvice> ByCode = new()
    {
        ["AADSTS50011"] = new("The redirect URI in the link does not match any reply URL registered on the app (the match is exact: case, trailing slash, query).", "Add that exact URI to the app registration (Authentication > Web), or make the link with -RedirectUri set to a registered one."),
        ["AADSTS500113"] = new("The app has no reply URL registered, so Entra ID had nowhere to send the answer; if the admin accepted, the consent is recorded anyway.", "Check the app under Enterprise applications > Permissions; to receive answers, register a Web redirect URI and pass it as -RedirectUri."),
        ["AADSTS900971"] = new("The link carried no redirect URI and the app has none to fall back on.", "Make the link with -RedirectUri set to a URI registered on the app."),
        ["AADSTS700016"] = new("No application with this client ID exists in that tenant's cloud: a wrong -ClientId, a single-tenant app used from another tenant, or the wrong -Environment.", "Check the Application (client) ID; ask the app's publisher whether it is multi-tenant and in which cloud it is registered."),
        ["AADSTS90002"] = new("The tenant in the link was not found in this cloud.", "Check the domain or tenant ID, and the cloud (-Environment)."),
        ["AADSTS90038"] = new("The tenant belongs to another national cloud than the link's sign-in host.", "Make the link again with -Environment set to the tenant's cloud."),
        ["AADSTS65001"] = new("No consent exists yet for the app in this tenant.", "An administrator opens the consent link and accepts."),
        ["AADSTS65004"] = new("The admin declined the consent screen.", "Open the link again and choose Accept, if the app should be allowed."),
        ["AADSTS90094"] = new($"The signed-in account cannot grant admin consent; application permissions on Microsoft Graph need {ConsentRoles}.", $"Open the link in a private window and sign in as {ConsentRoles} of the tenant."),
        ["AADSTS90093"] = new($"Entra ID refused the grant for the signed-in account; application permissions on Microsoft Graph need {ConsentRoles}.", $"Sign in as {ConsentRoles} of the tenant."),
        ["AADSTS50020"] = new("The account that signed in does not belong to the tenant in the link (another tenant's account or a personal Microsoft account).", "Open the link in a private window and sign in with an administrator account of that tenant."),
        ["AADSTS50194"] = new("The app is single-tenant, so a link through 'common' or 'organizations' cannot reach it.", "Make the link with the tenant's domain or ID, or make the app multi-tenant."),
        ["AADSTS53003"] = new("Conditional Access blocked the admin's sign-in.", "Sign in from a device and place the tenant's policies allow, or ask the tenant's security admins."),
        ["AADSTS650052"] = new("The app needs a service the tenant has not subscribed to or enabled (for Mail.Send: Exchange Online).", "Give the tenant an Exchange Online (Microsoft 365) subscription, or check the app's API permissions."),
        ["AADSTS650056"] = new("The app registration lists no permissions for the resource, or they are misconfigured.", "Add Microsoft Graph > Application permissions > Mail.Send under the app registration's API permissions."),
        ["AADSTS650057"] = new("The link asks for a resource the app registration does not list.", "Add Microsoft Graph Mail.Send (Application) to the app's API permissions, or check the scope and cloud of a v2 link."),
        ["AADSTS65005"] = new("The app's required permissions name a resource this tenant cannot find or the app may not use.", "Check the app registration's API permissions (Microsoft Graph, Application, Mail.Send)."),
        ["AADSTS500011"] = new("The resource the app asks for (Microsoft Graph) was not found in the tenant: usually the wrong cloud.", "Make the link with the tenant's -Environment."),
        ["AADSTS70001"] = new("The application is disabled.", "Enable it (Enterprise applications > the app > Properties > Enabled for users to sign in), or ask its publisher."),
        ["AADSTS7000112"] = new("The application is disabled.", "Enable it (Enterprise applications > the app > Properties > Enabled for users to sign in), or ask its publisher."),
        ["AADSTS90015"] = new("The link's query string is too long.", "Use a shorter -State or -RedirectUri."),
    };

    // OAuth error values, for answers whose AADSTS code is missing or unknown.
    private static readonly Dictionary<string, ConsentErrorAdvice> ByError = new()
    {
        ["permission_denied"] = new("The admin cancelled the consent screen.", "Open the link again and choose Accept, if the app should be allowed."),
        ["access_denied"] = new("The consent was declined, or the sign-in was refused.", "Open the link again, sign in as an administrator of the tenant and choose Accept."),
        ["consent_required"] = new("Consent was not given.", $"Open the link again and sign in as {ConsentRoles}."),
        ["invalid_request"] = new("Entra ID rejected the link: a parameter is missing, wrong, or was changed on the way.", "Make a new link with Get-GraphMailConsentUrl and open it unchanged."),
        ["invalid_client"] = new("Entra ID does not accept the app (client ID) in this tenant.", "Check the -ClientId and -Environment."),
        ["unauthorized_client"] = new("The app is not allowed in this tenant: not found, disabled, or single-tenant elsewhere.", "Check the -ClientId, -Environment and the app's supported account types."),
        ["invalid_resource"] = new("The resource the app asks for is not available in this tenant.", "Check the app's API permissions and the -Environment."),
        ["server_error"] = new("Entra ID failed while handling the consent.", "Open the link again later."),
        ["temporarily_unavailable"] = new("Entra ID was too busy to handle the consent.", "Open the link again in a few minutes."),
    };

    private ConsentErrorAdvice(string cause, string fix)
    {
        Cause = cause;
        Fix = fix;
    }

    internal string Cause { get; }

    internal string Fix { get; }

    /// <summary>Advice by AADSTS code first, then by error value, then a generic line that still shows both.</summary>
    internal static ConsentErrorAdvice For(string error, string code, string description)
    {
        if (code.Length > 0 && ByCode.TryGetValue(code, out var byCode))
        {
            return byCode;
        }

        if (ByError.TryGetValue(error, out var byError))
        {
            return code.Length > 0 ? new ConsentErrorAdvice(byError.Cause + " (" + code + ")", byError.Fix + LookUp(code)) : byError;
        }

        var what = code.Length > 0 ? code : error;
        return new ConsentErrorAdvice(
            $"Entra ID answered '{what}'" + (description.Length > 0 ? ": " + description : "."),
            code.Length > 0 ? LookUp(code).TrimStart() : "Make a new link with Get-GraphMailConsentUrl and try again.");
    }

    private static string LookUp(string code) => $" Look {code} up at https://login.microsoftonline.com/error?code={code.Substring("AADSTS".Length)}.";
}
