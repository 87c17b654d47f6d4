using System.Management.Automation;
using System.Reflection;

namespace GraphMail.Tests.Connections.Support;

/// <summary>The stub System.Management.Automation runs nothing on Invoke(): call a cmdlet's ProcessRecord directly.</summary>
internal static class CmdletRunner
{
    internal static void Process(Cmdlet cmdlet)
    {
        var processRecord = cmdlet.GetType().GetMethod("ProcessRecord", BindingFlags.Instance | BindingFlags.NonPublic)!;
        try
        {
            processRecord.Invoke(cmdlet, null);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
    }
}
