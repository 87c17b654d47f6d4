using System;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Sending;

/// <summary>
/// What every end-to-end send test starts from: its class's sandbox reset, a real connection to it, a folder for
/// generated files, and (when asked) an empty request log so "nothing reached the sandbox" can be asserted.
/// </summary>
public abstract class SandboxSendTests : IClassFixture<SandboxFixture>, IDisposable
{
    protected SandboxSendTests(SandboxFixture sandbox, bool clearRequestLog = false)
    {
        Sandbox = sandbox;
        sandbox.Reset();
        Harness = SendHarness.ConnectAsync(sandbox).GetAwaiter().GetResult();
        if (clearRequestLog)
        {
            sandbox.Control.ClearRequests();
        }
    }

    protected SandboxFixture Sandbox { get; }

    public SendHarness Harness { get; }

    public TestFiles Files { get; } = new();

    public void Dispose()
    {
        Harness.Dispose();
        Files.Dispose();
        GC.SuppressFinalize(this);
    }
}
