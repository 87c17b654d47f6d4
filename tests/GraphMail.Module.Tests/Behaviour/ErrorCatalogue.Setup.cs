using System.Collections.Generic;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Module.Tests.Behaviour;

/// <summary>Consent links, Test-GraphMailSetup and New-GraphMailMailboxScope: their inputs, and the tenant lookup through the sandbox.</summary>
public sealed partial class ErrorCatalogueTests
{
    private static Dictionary<string, Case> SetupCases() => new()
    {
        ["InvalidConsentClientId"] = new("Get-GraphMailConsentUrl -ClientId my-app -Tenant contoso.com -SkipTenantLookup", false, "'my-app'"),
        ["InvalidConsentTenant"] = new($"Get-GraphMailConsentUrl -ClientId {App} -Tenant 'not a domain' -SkipTenantLookup", false, "'not a domain'"),
        ["InvalidConsentResponse"] = new("ConvertFrom-GraphMailConsentResponse -Uri 'https://vendor.example/consent?code=abc'", false, "'https://vendor.example/consent?code=abc'"),
        ["InvalidConsentRedirectUri"] = new($"Get-GraphMailConsentUrl -ClientId {App} -Tenant contoso.com -SkipTenantLookup -RedirectUri 'not a uri'", false, "'not a uri'"),
        ["InvalidConsentState"] = new($"Get-GraphMailConsentUrl -ClientId {App} -Tenant contoso.com -SkipTenantLookup -RedirectUri 'https://vendor.example/consent' -State \"a`nb\"", false, "\"a`nb\""),
        ["InvalidPolicyChangedAt"] = new("$changed = (Get-Date).AddDays(2); Test-GraphMailSetup -PolicyChangedAt $changed", true, "([datetimeoffset]$changed).ToString()"),
        ["InvalidServicePrincipalObjectId"] = new($"New-GraphMailMailboxScope -ClientId {App} -Mailbox noreply@contoso.com -ServicePrincipalObjectId {App} -AsScript", false, $"'{App}'"),
        ["ConsentTenantNotAllowedInForm"] = new($"Get-GraphMailConsentUrl -ClientId {App} -Tenant common -Form V2 -RedirectUri https://vendor.example/consent -SkipTenantLookup", Target: "'common'"),
        ["ConsentRedirectUriRequired"] = new($"Get-GraphMailConsentUrl -ClientId {App} -Tenant contoso.com -Form V2 -SkipTenantLookup"),
        ["InvalidManagedIdentity"] = new("Get-GraphMailConsentUrl -ManagedIdentity \"a`nb\"", Target: "\"a`nb\""),
        ["ConsentTenantNotFound"] = new($"Get-GraphMailConsentUrl -ClientId {App} -Tenant nowhere.example {Sandbox}", Target: "'nowhere.example'"),
        ["ConsentTenantLookupFailed"] = new($"Get-GraphMailConsentUrl -ClientId {App} -Tenant contoso.com {Sandbox}", Target: "'contoso.com'",
            Arrange: control => control.AddFault(new FaultSpec { Route = RouteNames.OpenId, Kind = FaultKind.Unavailable, Count = 100 })),
        ["SetupInputConflict"] = new($"Test-GraphMailSetup {Sandbox}", true),
        ["InvalidScopingName"] = new($"New-GraphMailMailboxScope -ClientId {App} -Mailbox noreply@contoso.com -Legacy -GroupName \"a`nb\" -AsScript", Target: "\"a`nb\""),
    };
}
