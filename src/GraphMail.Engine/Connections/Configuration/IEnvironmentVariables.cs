using System;

namespace GraphMail.Engine.Connections.Configuration;

/// <summary>Where environment variables are read from: the process, or a test's dictionary.</summary>
public interface IEnvironmentVariables
{
    string? Get(string name);
}

/// <summary>The process's environment variables. Read only: GraphMail never sets one.</summary>
public sealed class ProcessEnvironmentVariables : IEnvironmentVariables
{
    public static ProcessEnvironmentVariables Instance { get; } = new();

    private ProcessEnvironmentVariables()
    {
    }

    public string? Get(string name) => Environment.GetEnvironmentVariable(name);
}
