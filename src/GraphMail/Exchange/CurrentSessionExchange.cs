using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GraphMail.Engine.Setup.Exchange;
using GraphMail.Engine.Setup.Scoping;

namespace GraphMail.Exchange;

/// <summary>
/// ExchangeOnlineManagement 3.x in the caller's own session, through the cmdlet's InvokeCommand (pipeline thread).
/// The scripts are constants; every value travels as an argument, never as script text.
/// </summary>
internal sealed class CurrentSessionExchange : IExchangeOnlineSession
{
    // Get-ConnectionInformation (ExchangeOnlineManagement 3.0+) lists REST sessions; IsEopSession marks Security & Compliance ones.
    private const string FindConnection =
        "if (Get-Command -Name Get-ConnectionInformation -ErrorAction Ignore) { Get-ConnectionInformation | Where-Object { $_.State -eq 'Connected' -and -not $_.IsEopSession } | Select-Object -First 1 }";

    private const string RunCommand = "param($name, $parameters) & $name @parameters -ErrorAction Stop";

    private const string LookUp = "param($name, $parameters) & $name @parameters -ErrorAction SilentlyContinue";

    private readonly CommandInvocationIntrinsics? _invoke;
    private readonly string? _prefix;

    private CurrentSessionExchange(CommandInvocationIntrinsics? invoke, string? prefix, Guid? tenantId, string? notConnectedReason)
    {
        _invoke = invoke;
        _prefix = prefix;
        TenantId = tenantId;
        NotConnectedReason = notConnectedReason;
    }

    public string? NotConnectedReason { get; }

    public Guid? TenantId { get; }

    internal static IExchangeOnlineSession Open(PSCmdlet cmdlet)
    {
        var invoke = cmdlet.InvokeCommand;
        if (invoke is null)
        {
            return new CurrentSessionExchange(null, null, null, "there is no PowerShell session to ask");
        }

        try
        {
            var connection = invoke.InvokeScript(FindConnection).FirstOrDefault();
            if (connection is null)
            {
                return new CurrentSessionExchange(null, null, null, "ExchangeOnlineManagement is not connected in this session (Connect-ExchangeOnline)");
            }

            var tenant = Guid.TryParse(Text(connection, "TenantID"), out var id) ? id : (Guid?)null;
            return new CurrentSessionExchange(invoke, Text(connection, "ModulePrefix"), tenant, null);
        }
        catch (RuntimeException e)
        {
            return new CurrentSessionExchange(null, null, null, "Get-ConnectionInformation failed: " + e.Message);
        }
    }

    public AccessCheckResult? TestApplicationAccessPolicy(string mailbox, string appId) =>
        ExchangeAnswers.AccessCheck(Property(Run("Test-ApplicationAccessPolicy", new Hashtable { ["Identity"] = mailbox, ["AppId"] = appId }).FirstOrDefault(), "AccessCheckResult"));

    public IReadOnlyList<ServicePrincipalRole> TestServicePrincipalAuthorization(string appId, string mailbox) =>
        Run("Test-ServicePrincipalAuthorization", new Hashtable { ["Identity"] = appId, ["Resource"] = mailbox })
            .Select(row => new ServicePrincipalRole(Text(row, "RoleName") ?? string.Empty, ExchangeAnswers.InScope(Property(row, "InScope"))))
            .ToList();

    public void Invoke(ExchangeCommand command) => Run(command.Name, ParametersOf(command));

    public bool Finds(ExchangeLookup lookup) =>
        lookup.Finds(Run(lookup.Command.Name, ParametersOf(lookup.Command), LookUp).Select(answer => (Func<string, string?>)(property => Text(answer, property))));

    private static Hashtable ParametersOf(ExchangeCommand command)
    {
        var parameters = new Hashtable();
        foreach (var parameter in command.Parameters)
        {
            parameters[parameter.Name] = parameter.Value;
        }

        return parameters;
    }

    private IReadOnlyList<PSObject> Run(string name, Hashtable parameters, string script = RunCommand)
    {
        if (_invoke is null)
        {
            throw new ExchangeCommandException(NotConnectedReason ?? "not connected");
        }

        try
        {
            return _invoke.InvokeScript(script, ExchangeCommand.Prefixed(name, _prefix), parameters).Where(o => o is not null).ToList();
        }
        catch (RuntimeException e)
        {
            throw new ExchangeCommandException(e.Message, e);
        }
    }

    private static object? Property(PSObject? item, string name) => item?.Properties[name]?.Value;

    private static string? Text(PSObject? item, string name) => Property(item, name)?.ToString();
}
