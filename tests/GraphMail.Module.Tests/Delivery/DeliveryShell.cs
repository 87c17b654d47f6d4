using System;
using System.Collections;
using System.IO;
using System.Linq;
using GraphMail.Module.Tests.Infrastructure;
using GraphMail.Sandbox.Control;

namespace GraphMail.Module.Tests.Delivery;

/// <summary>A runspace connected as the app that has Mail.Send and Mail.ReadWrite (what ExactlyOnce needs), and a journal path.</summary>
internal sealed class DeliveryShell : IDisposable
{
    internal const string ConnectReadWrite =
        "Connect-GraphMail -Sandbox $SandboxReadyLine -TenantId $TenantId -ClientId $ClientId -ClientSecret $ClientSecret -DefaultFrom $From";

    internal DeliveryShell(SandboxFixture sandbox)
    {
        sandbox.Reset();
        Variables = sandbox.SenderVariables();
        Variables["ClientId"] = SandboxDefaults.LargeAttachmentsAppId;
        Variables["ClientSecret"] = SandboxDefaults.Secure(SandboxDefaults.LargeAttachmentsSecret);
        JournalPath = Path.Combine(Path.GetTempPath(), "graphmail-journal-" + Guid.NewGuid().ToString("N") + ".jsonl");
        Variables["Journal"] = JournalPath;
        var connected = Shell.Run(ConnectReadWrite, Variables);
        if (connected.AllErrors.Count > 0)
        {
            throw new InvalidOperationException("Connect-GraphMail failed: " + connected.AllText());
        }
    }

    internal ModuleRunspace Shell { get; } = new();

    internal Hashtable Variables { get; }

    internal string JournalPath { get; }

    /// <summary>Rows u{first}..u{last}@fabrikam.com with subjects "merge {n}" and MessageKey "row-{n}", piped to Send-GraphMail.</summary>
    internal static string Rows(int first, int last) =>
        $"{first}..{last} | ForEach-Object {{ [pscustomobject]@{{ To = \"u$_@fabrikam.com\"; Subject = \"merge $_\"; MessageKey = \"row-$_\" }} }}";

    internal ScriptRun Run(string script) => Shell.Run(script, Variables);

    /// <summary>How many times the sandbox delivered each subject: the ground truth for duplicated and missing.</summary>
    internal static ILookup<string?, RecordedMessage> BySubject(SandboxControl control) => control.GetMessages().ToLookup(m => m.Subject);

    public void Dispose()
    {
        Shell.Dispose();
        File.Delete(JournalPath);
    }
}
