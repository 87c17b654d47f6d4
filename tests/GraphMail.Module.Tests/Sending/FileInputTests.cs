using System;
using System.Collections;
using System.Diagnostics;
using System.IO;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Sending;

/// <summary>
/// Paths that are not regular files, in a real runspace: refused by name before anything is opened or sent, even
/// with -WhatIf and without a connection (a FIFO opened for reading would block the pipeline thread for good).
/// </summary>
public sealed class FileInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "graphmail-files-" + Guid.NewGuid().ToString("N"))).FullName;

    [Theory]
    [InlineData("Send-GraphMail -To a@fabrikam.com -Subject s -Attachments $Path -WhatIf")]
    [InlineData("Get-Item $Path | Send-GraphMail -To a@fabrikam.com -Subject s -WhatIf")]
    [InlineData("Send-GraphMail -To a@fabrikam.com -BodyAsHtml -Body '<img src=cid:x>' -InlineAttachment @{ x = $Path } -WhatIf")]
    public void AFifoIsRefusedWithoutBeingOpened(string script)
    {
        var fifo = Path.Combine(_folder, "pipe.log");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        using var shell = new ModuleRunspace();
        var run = shell.Run(script, new Hashtable { ["Path"] = fifo });

        var error = Assert.Single(run.AllErrors);
        Assert.StartsWith("AttachmentNotRegularFile,", error.FullyQualifiedErrorId);
        Assert.Contains($"'{fifo}' is a FIFO, socket or device", error.Exception.Message);
    }

    [Theory]
    [InlineData("/dev/zero", "AttachmentNotRegularFile", "a FIFO, socket or device")]
    [InlineData("/proc/self/status", "AttachmentNotRegularFile", "a file of /proc or /sys")]
    [InlineData("https://example.com/report.pdf", "AttachmentNotFound", "https://example.com/report.pdf")]
    public void OtherPathsThatAreNotFilesAreRefusedByName(string path, string errorId, string says)
    {
        using var shell = new ModuleRunspace();

        var run = shell.Run("Send-GraphMail -To a@fabrikam.com -Subject s -Attachments $Path -WhatIf", new Hashtable { ["Path"] = path });

        var error = Assert.Single(run.AllErrors);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
        Assert.Contains(says, error.Exception.Message);
    }

    [Fact]
    public void ANulInAPathIsNamedNotAnUnhandledException()
    {
        using var shell = new ModuleRunspace();

        var run = shell.Run("Send-GraphMail -To a@fabrikam.com -Subject s -Attachments \"./a`0b.txt\" -WhatIf");

        var error = Assert.Single(run.AllErrors);
        Assert.StartsWith("InvalidCharacter,", error.FullyQualifiedErrorId);
        Assert.Contains("-Attachments './a\\0b.txt' contains a NUL character", error.Exception.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
