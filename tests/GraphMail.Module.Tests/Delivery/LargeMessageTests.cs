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
}
