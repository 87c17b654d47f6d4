using System.IO;
using System.Linq;
using GraphMail.Module.Tests.Infrastructure;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Module.Tests.Delivery;

/// <summary>A message over the one-request budget (a draft and an upload session) under -Delivery ExactlyOnce.</summary>
public sealed class LargeMessageTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData(FaultKind.GatewayTimeoutAfterAccept)]
    [InlineData(FaultKind.Unavailable)]
    public void AnAmbiguousSendOfALargeMessageIsReadBackAndSentOnce(FaultKind kind)
    {
        using var shell = new DeliveryShell(sandbox);
        var file = Path.Combine(Path.GetTempPath(), "graphmail-large-" + System.Guid.NewGuid().ToString("N") + ".bin");
        File.WriteAllBytes(file, new byte[4 * 1024 * 1024]);
        try
        {
            sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.Send, Kind = kind, Count = 1 });
            shell.Variables["File"] = file;

            var run = shell.Run("Send-GraphMail -To a@fabrikam.com -Subject large -Attachments $File -Delivery ExactlyOnce -PassThru");

            Assert.Empty(run.AllErrors);
            Assert.Equal("Sent", run.Output.Single().Properties["Status"].Value.ToString());
            Assert.Equal("DraftUpload", run.Output.Single().Properties["Path"].Value.ToString());
            Assert.Single(sandbox.Control.GetMessages());
            Assert.Empty(sandbox.Control.GetDrafts());
            Assert.Contains(sandbox.Control.GetRequests(), r => r.Route == RouteNames.GetMessage);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("ExactlyOnce")]
    [InlineData("AtMostOnce")]
    public void AnAmbiguousDraftCreationOfALargeMessageIsFoundByMessageIdAndSentOnceWithNoDraftLeft(string delivery)
    {
        using var shell = new DeliveryShell(sandbox);
        var file = Path.Combine(Path.GetTempPath(), "graphmail-large-" + System.Guid.NewGuid().ToString("N") + ".bin");
        File.WriteAllBytes(file, new byte[4 * 1024 * 1024]);
        try
        {
            sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.CreateMessage, Kind = FaultKind.GatewayTimeoutAfterAccept, Count = 1 });
            shell.Variables["File"] = file;
            shell.Variables["Delivery"] = delivery;

            var run = shell.Run("Send-GraphMail -To a@fabrikam.com -Subject large -Attachments $File -Delivery $Delivery -Journal $Journal -PassThru");

            Assert.Empty(run.AllErrors);
            Assert.Equal("Sent", run.Output.Single().Properties["Status"].Value.ToString());
            Assert.Single(sandbox.Control.GetMessages());
            Assert.Empty(sandbox.Control.GetDrafts());
            Assert.Equal(1, sandbox.Control.GetRequests().Count(r => r.Route == RouteNames.CreateMessage));
            Assert.Contains(sandbox.Control.GetRequests(), r => r.Route == RouteNames.ListMessages);

            // The journal knows it was sent: a rerun skips it.
            var rerun = shell.Run("Send-GraphMail -To a@fabrikam.com -Subject large -Attachments $File -Delivery $Delivery -Journal $Journal -PassThru");
            Assert.Equal("Skipped", rerun.Output.Single().Properties["Status"].Value.ToString());
            Assert.Single(sandbox.Control.GetMessages());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void AnAmbiguousSendOfALargeMessageInTheDefaultModeIsFinishedByARerunWithTheJournal()
    {
        // 503 before processing: the /send did not happen, so the draft is still there; AtMostOnce says Unknown and names it.
        using var shell = new DeliveryShell(sandbox);
        var file = Path.Combine(Path.GetTempPath(), "graphmail-large-" + System.Guid.NewGuid().ToString("N") + ".bin");
        File.WriteAllBytes(file, new byte[4 * 1024 * 1024]);
        try
        {
            sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.Send, Kind = FaultKind.Unavailable, Count = 1 });
            shell.Variables["File"] = file;
            const string Send = "Send-GraphMail -To a@fabrikam.com -Subject large -Attachments $File -Journal $Journal -PassThru -ErrorAction SilentlyContinue";

            var first = shell.Run(Send);
            Assert.Equal("Unknown", first.Output.Single().Properties["Status"].Value.ToString());
            Assert.Single(sandbox.Control.GetDrafts());

            var rerun = shell.Run(Send);

            Assert.Empty(rerun.AllErrors);
            Assert.Equal("Sent", rerun.Output.Single().Properties["Status"].Value.ToString());
            Assert.Single(sandbox.Control.GetMessages());
            Assert.Empty(sandbox.Control.GetDrafts());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
