using System;
using System.Collections.Generic;
using GraphMail.Engine.Connections.Admin;

namespace GraphMail.Engine.Applications;

/// <summary>One New-GraphMailApplication run: the admin's connection, the request, and the steps so far.</summary>
internal sealed class RegistrationRun
{
    private readonly List<GraphMailApplicationStep> _steps = [];

    internal RegistrationRun(AdminConnection admin, ApplicationRequest request)
    {
        Admin = admin;
        Request = request;
        Directory = new DirectoryClient(admin);
        Result = new GraphMailApplication
        {
            DisplayName = request.DisplayName,
            TenantId = admin.Info.TenantId.ToString(),
            TenantDomain = admin.Info.TenantDomain,
            Environment = admin.Cloud.Name,
            SignInAudience = request.MultiTenant ? ApplicationShape.MultiTenant : ApplicationShape.SingleTenant,
        };
    }

    internal AdminConnection Admin { get; }

    internal ApplicationRequest Request { get; }

    internal DirectoryClient Directory { get; }

    internal GraphMailApplication Result { get; }

    /// <summary>Where the change happens, as ShouldProcess names it.</summary>
    internal string Target => $"app '{Request.DisplayName}' in tenant {Admin.Info.TenantDomain ?? Admin.Info.TenantId.ToString()}";

    internal void Step(string step, ApplicationStepStatus status, string detail)
    {
        _steps.Add(new GraphMailApplicationStep(step, status, detail));
        Result.Steps = _steps.ToArray();
    }

    /// <summary>Asks before a change; a declined change is recorded as skipped.</summary>
    internal bool Approve(string step, string action)
    {
        if (Request.Approve(Target, action))
        {
            return true;
        }

        Step(step, ApplicationStepStatus.Skipped, "Not done: " + action + " (-WhatIf, or declined).");
        return false;
    }
}
