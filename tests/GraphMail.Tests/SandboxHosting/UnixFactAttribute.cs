using System;

namespace GraphMail.Tests.SandboxHosting;

/// <summary>A fact that needs Linux or macOS (POSIX signals, shell scripts as stand-in hosts); skipped on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Needs POSIX signals and shell scripts.";
        }
    }
}
