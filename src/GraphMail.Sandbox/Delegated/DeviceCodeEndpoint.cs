using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GraphMail.Sandbox.Hosting;
using GraphMail.Sandbox.Identity;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Sandbox.Delegated;

/// <summary>
/// POST /{tenant}/oauth2/v2.0/devicecode: starts a device-code sign-in for a public client (ED v2-oauth2-device-code).
/// The user approves it at verification_uri (the sandbox's /devicelogin page), through the control API, or at once
/// when the deviceCodeApprover setting names them.
/// </summary>
internal sealed class DeviceCodeEndpoint(SandboxState state)
{
    internal Task<SandboxResponse> HandleAsync(SandboxRequest request) => Task.FromResult(Handle(request));

    private SandboxResponse Handle(SandboxRequest request)
    {
        var tenantSegment = request.RouteValue("tenant");
        var tenant = state.Directory.FindTenant(tenantSegment);
        if (tenant is null)
        {
            return AadErrors.TenantNotFound(request, tenantSegment);
        }

        var form = TokenEndpoint.ReadForm(request);
        var clientId = form.GetValueOrDefault("client_id");
        if (string.IsNullOrEmpty(clientId))
        {
            return AadErrors.MissingParameter(request, "client_id");
        }

        request.AppId = clientId;
        if (string.IsNullOrWhiteSpace(form.GetValueOrDefault("scope")))
        {
            return AadErrors.MissingParameter(request, "scope");
        }

        var settings = state.Settings;
        var now = state.Clock.GetUtcNow();
        if (state.DirectoryObjects.FindForSignIn(tenant.Id, clientId, now) is null)
        {
            return DelegatedErrors.ClientNotFound(request, clientId, tenant);
        }

        var scopes = DelegatedScopes.Parse(form["scope"], request.Origin, out var invalid);
        if (scopes is null)
        {
            return AadErrors.Create(request, 400, "invalid_scope", 70011, $"The provided value for the input parameter 'scope' is not valid. The scope {invalid} is not valid.");
        }

        var approver = settings.DeviceCodeApprover.Length == 0 ? null : settings.DeviceCodeApprover;
        var signIn = state.DeviceCodes.Start(clientId, tenant.Id, scopes.Requested, now.AddSeconds(settings.DeviceCodeLifetimeSeconds), settings.DeviceCodeIntervalSeconds, approver);
        var verificationUri = request.Origin + "/devicelogin";
        return SandboxResponse.Json(200, new JsonObject
        {
            ["user_code"] = signIn.UserCode,
            ["device_code"] = signIn.DeviceCode,
            ["verification_uri"] = verificationUri,
            ["expires_in"] = settings.DeviceCodeLifetimeSeconds,
            ["interval"] = settings.DeviceCodeIntervalSeconds,
            ["message"] = $"To sign in, use a web browser to open the page {verificationUri} and enter the code {signIn.UserCode} to authenticate.",
        });
    }
}
