using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using GraphMail.Sandbox.Hosting;

namespace GraphMail.Sandbox;

/// <summary>The standalone sandbox: prints one JSON ready line on stdout, logs (if any) to stderr, stops on Ctrl+C, SIGTERM or the --parent-pid process's exit, with exit 0.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        CommandLine command;
        try
        {
            command = CommandLine.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + CommandLine.Usage).ConfigureAwait(false);
            return 2;
        }

        if (command.Help)
        {
            await Console.Error.WriteLineAsync(CommandLine.Usage).ConfigureAwait(false);
            return 0;
        }

        if (command.NewAppCertificate)
        {
            var base64 = AppCertificateFiles.Write(command.OutputDirectory ?? ".", command.Name, command.Password, command.Years);
            await Console.Out.WriteLineAsync(base64).ConfigureAwait(false);
            return 0;
        }

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.TrySetResult(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            if (command.ParentProcessId is null)
            {
                stop.TrySetResult();
            }
            else
            {
                // The terminal sends Ctrl+C to the parent's whole process group: a PowerShell user stopping one
                // command must not lose the sandbox the session started.
                Console.Error.WriteLine(ParentProcess.IgnoredInterrupt(command.ParentProcessId.Value));
            }
        });

        using var parent = command.ParentProcessId is { } parentId ? ParentProcess.Find(parentId) : null;
        if (command.ParentProcessId is not null && parent is null)
        {
            await Console.Error.WriteLineAsync($"GraphMail.Sandbox could not start: the parent process {command.ParentProcessId} is not running.").ConfigureAwait(false);
            return 1;
        }

        SandboxServer server;
        try
        {
            server = await SandboxServer.StartAsync(new SandboxOptions
            {
                Port = command.Port,
                SeedFile = command.SeedFile,
                Certificate = command.CertificateFile is null ? null : new X509Certificate2(command.CertificateFile, command.CertificatePassword),
                RandomSeed = command.RandomSeed,
                Verbose = command.Verbose,
            }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            await Console.Error.WriteLineAsync("GraphMail.Sandbox could not start: " + e.Message).ConfigureAwait(false);
            return 1;
        }

        await using (server.ConfigureAwait(false))
        {
            if (command.ConnectionFile is not null)
            {
                server.WriteConnectionFile(command.ConnectionFile);
            }

            await Console.Out.WriteLineAsync(server.ReadyLine).ConfigureAwait(false);
            await Console.Out.FlushAsync().ConfigureAwait(false);
            if (parent is not null)
            {
                ParentProcess.OnExit(parent, () => stop.TrySetResult());
            }

            await stop.Task.ConfigureAwait(false);
        }

        if (command.ConnectionFile is not null)
        {
            File.Delete(command.ConnectionFile);
        }

        return 0;
    }
}
