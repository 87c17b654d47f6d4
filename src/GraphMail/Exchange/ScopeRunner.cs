using System;
using System.Collections.Generic;
using GraphMail.Engine.Setup.Scoping;

namespace GraphMail.Exchange;

/// <summary>
/// Runs a scoping plan's commands in the Exchange Online session, each only when ShouldProcess approves it. A step
/// whose lookup finds what an earlier run made is not run again (or runs its update instead). A failed command stops
/// the rest (each depends on the one before); a declined one does not, so -WhatIf lists them all.
/// </summary>
internal static class ScopeRunner
{
    internal static IEnumerable<MailboxScopeStep> Run(MailboxScopePlan plan, IExchangeOnlineSession session, Func<ExchangeCommand, bool> approve)
    {
        var failed = false;
        for (var i = 0; i < plan.Commands.Count; i++)
        {
            var step = failed
                ? new MailboxScopeStep(i + 1, plan.Commands[i].Purpose, plan.Commands[i].ToText(), MailboxScopeStepStatus.NotRun, "An earlier step failed.")
                : RunStep(i + 1, plan.Commands[i], session, approve);
            failed |= step.Status == MailboxScopeStepStatus.Failed;
            yield return step;
        }
    }

    private static MailboxScopeStep RunStep(int number, ExchangeCommand planned, IExchangeOnlineSession session, Func<ExchangeCommand, bool> approve)
    {
        var command = planned;
        try
        {
            if (planned.Lookup is { } lookup && session.Finds(lookup))
            {
                if (planned.WhenFound is null)
                {
                    return new MailboxScopeStep(number, planned.Purpose, planned.ToText(), MailboxScopeStepStatus.AlreadyDone);
                }

                command = planned.WhenFound;
            }

            if (!approve(command))
            {
                return new MailboxScopeStep(number, command.Purpose, command.ToText(), MailboxScopeStepStatus.Declined);
            }

            session.Invoke(command);
            return new MailboxScopeStep(number, command.Purpose, command.ToText(), MailboxScopeStepStatus.Ran);
        }
        catch (ExchangeCommandException e)
        {
            return new MailboxScopeStep(number, command.Purpose, command.ToText(), MailboxScopeStepStatus.Failed, e.Message);
        }
    }
}
