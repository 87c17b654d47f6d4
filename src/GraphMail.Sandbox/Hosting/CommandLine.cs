using System;
using System.Collections.Generic;
using System.Globalization;

namespace GraphMail.Sandbox.Hosting;

/// <summary>The standalone process's arguments.</summary>
internal sealed record CommandLine
{
    internal const string Usage = """
        GraphMail.Sandbox: a local Entra ID + Microsoft Graph mail service on https://127.0.0.1.

        Usage:
          GraphMail.Sandbox [--port N] [--seed FILE] [--connection-file PATH]
                            [--certificate PFX [--certificate-password PASSWORD]] [--random-seed N] [--verbose]
                            [--parent-pid PID]
          GraphMail.Sandbox new-app-certificate --out DIRECTORY [--name NAME] [--password PASSWORD] [--years N]

        When ready it prints one JSON line on stdout (see docs/sandbox.md) and runs until Ctrl+C or SIGTERM,
        or, with --parent-pid, until that process exits (Ctrl+C is then left to that process).
        """;

    internal int Port { get; init; }

    internal string? SeedFile { get; init; }

    internal string? ConnectionFile { get; init; }

    internal string? CertificateFile { get; init; }

    internal string? CertificatePassword { get; init; }

    internal int? RandomSeed { get; init; }

    internal bool Verbose { get; init; }

    /// <summary>The process whose exit stops the sandbox (the PowerShell session that started it).</summary>
    internal int? ParentProcessId { get; init; }

    internal bool Help { get; init; }

    /// <summary>new-app-certificate: make a client certificate for a seeded app.</summary>
    internal bool NewAppCertificate { get; init; }

    internal string? OutputDirectory { get; init; }

    internal string Name { get; init; } = "contoso-app";

    internal string Password { get; init; } = AppCertificateFiles.DefaultPassword;

    internal int Years { get; init; } = 20;

    internal static CommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int NextNumber() => int.TryParse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{args[i - 1]} needs a number.");
            result = args[i] switch
            {
                "--port" => result with { Port = NextNumber() },
                "--seed" => result with { SeedFile = Next() },
                "--connection-file" => result with { ConnectionFile = Next() },
                "--certificate" => result with { CertificateFile = Next() },
                "--certificate-password" => result with { CertificatePassword = Next() },
                "--random-seed" => result with { RandomSeed = NextNumber() },
                "--verbose" => result with { Verbose = true },
                "--parent-pid" => result with { ParentProcessId = NextNumber() },
                "--help" or "-h" or "-?" => result with { Help = true },
                "new-app-certificate" when i == 0 => result with { NewAppCertificate = true },
                "--out" => result with { OutputDirectory = Next() },
                "--name" => result with { Name = Next() },
                "--password" => result with { Password = Next() },
                "--years" => result with { Years = NextNumber() },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'."),
            };
        }

        if (result.Port is < 0 or > 65535)
        {
            throw new ArgumentException("--port must be 0..65535.");
        }

        if (result.ParentProcessId is < 1)
        {
            throw new ArgumentException("--parent-pid must be a process id (1 or more).");
        }

        return result;
    }
}
