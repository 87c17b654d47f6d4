using System;
using GraphMail.Engine.Connections;
using GraphMail.Engine.SandboxHosting.Control;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.SandboxHosting;

/// <summary>Tests of the control client against one in-process sandbox per class, reset before each test.</summary>
public abstract class ControlClientTestBase : IClassFixture<SandboxFixture>, IDisposable
{
    protected ControlClientTestBase(SandboxFixture sandbox)
    {
        Sandbox = sandbox;
        sandbox.Reset();
        Control = new SandboxControlClient(SandboxEndpoint.Parse(sandbox.Server.ReadyLine));
    }

    protected SandboxFixture Sandbox { get; }

    protected SandboxControlClient Control { get; }

    public void Dispose()
    {
        Control.Dispose();
        GC.SuppressFinalize(this);
    }
}
