using System;
using System.Diagnostics;

namespace GraphMail;

/// <summary>
/// A GraphMail.Sandbox process that Start-GraphMailSandbox started. Its string form is the sandbox's ready line, so
/// <c>Connect-GraphMail -Sandbox $sandbox</c> binds it as it binds the line itself.
/// </summary>
public sealed class SandboxInstance
{
    internal SandboxInstance(string readyLine, Uri authorityUri, Uri graphUri, Uri controlUri, string connectionFile, string certificatePemPath, Process process)
    {
        ReadyLine = readyLine;
        AuthorityUri = authorityUri;
        GraphUri = graphUri;
        ControlUri = controlUri;
        ConnectionFile = connectionFile;
        CertificatePemPath = certificatePemPath;
        Process = process;
        ProcessId = process.Id;
    }

    /// <summary>The one JSON line the sandbox printed when it was ready (see docs/sandbox.md).</summary>
    public string ReadyLine { get; }

    /// <summary>https://127.0.0.1:PORT/ : the sandbox's Entra ID; append the tenant for an authority.</summary>
    public Uri AuthorityUri { get; }

    /// <summary>https://127.0.0.1:PORT/v1.0 : the sandbox's Graph.</summary>
    public Uri GraphUri { get; }

    /// <summary>https://127.0.0.1:PORT/_sandbox : the control API the GraphMailSandbox cmdlets call.</summary>
    public Uri ControlUri { get; }

    public int ProcessId { get; }

    /// <summary>A file holding the ready line while the sandbox runs; Connect-GraphMail -Sandbox takes its path too.</summary>
    public string ConnectionFile { get; }

    /// <summary>The server certificate's PEM file, which the sandbox deletes when it stops cleanly.</summary>
    internal string CertificatePemPath { get; }

    /// <summary>The dotnet process running the sandbox, a child of this one.</summary>
    internal Process Process { get; }

    public override string ToString() => ReadyLine;
}
