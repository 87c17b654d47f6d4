using System;
using System.Collections.Generic;
using GraphMail.Engine.Setup.Scoping;

namespace GraphMail.Exchange;

/// <summary>
/// Runs a scoping plan's commands in the Exchange Online session, each only when ShouldProcess approves it. A failed
/// command stops the rest (each depends on the one before); a declined one does not, so -WhatIf lists them all.
/// </summary>
internal static class ScopeRunner
{
    internal static IEnumerable<MailboxScopeStep> Run(MailboxScopePlan plan, IExchangeOnlineSession session, Func<ExchangeCommand, bool> approve)
    {
        var failed = false;
        for (var i = 0; i < plan.Commands.Count; i++)
        {
            var command = plan.Commands[i];
            if (failed)
            {
                yield return new MailboxScopeStep(i + 1, command.Purpose, command.ToText(), MailboxScopeStepStatus.NotRun, "An earlier step failed.");
                continue;
            }

            if (!approve(command))
            {
                yield return new MailboxScopeStep(i + 1, command.Purpose, command.ToText(), MailboxScopeStepStatus.Declined);
                continue;
            }

            string? error = null;
            try
            {
                session.Invoke(command);
            }
            catch (ExchangeCommandException e)
            {
                error = e.Message;
                failed = true;
            }

            yield return new MailboxScopeStep(i + 1, command.Purpose, command.ToText(), failed ? MailboxScopeStepStatus.Failed : MailboxScopeStepStatus.Ran, error);
        }
    }
}
