using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using GraphMail.Sandbox.Hosting;
using GraphMail.Sandbox.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace GraphMail.Sandbox.Delegated;

/// <summary>
/// The verification_uri of the sandbox's device-code sign-ins: a page where a person types the code and the user they
/// sign in as (no password: it is a sandbox), as microsoft.com/devicelogin asks for the code and then the account.
/// </summary>
internal sealed class DeviceLoginPage(SandboxState state)
{
    internal Task<SandboxResponse> ShowAsync(SandboxRequest request) => Task.FromResult(Page(200, null));

    internal Task<SandboxResponse> ApproveAsync(SandboxRequest request)
    {
        var form = QueryHelpers.ParseQuery(request.BodyText);
        var code = form["user_code"].ToString().Trim();
        var user = form["username"].ToString().Trim();
        if (code.Length == 0 || user.Length == 0)
        {
            return Task.FromResult(Page(400, "Enter the code and the account to sign in as."));
        }

        var approved = state.DeviceCodes.Decide(code, user, decline: false);
        return Task.FromResult(approved == 0
            ? Page(400, $"No pending sign-in has the code {code}: it expired, was used, or was mistyped.")
            : Page(200, $"Signed in as {user}. You can close this page and return to the application."));
    }

    private static SandboxResponse Page(int status, string? message)
    {
        var note = message is null ? "" : $"<p><strong>{WebUtility.HtmlEncode(message)}</strong></p>";
        var html = "<!DOCTYPE html><html><head><title>GraphMail.Sandbox - Enter code</title></head><body>" +
                   "<h1>GraphMail.Sandbox: sign in on another device</h1>" + note +
                   "<form method=\"post\"><p><label>Code <input name=\"user_code\" autocomplete=\"off\"></label></p>" +
                   "<p><label>Account (user principal name) <input name=\"username\" value=\"admin@contoso.com\"></label></p>" +
                   "<p><button type=\"submit\">Sign in</button></p></form></body></html>";
        return SandboxResponse.Raw(status, Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8");
    }
}
