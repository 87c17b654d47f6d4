using System.Collections.Generic;
using GraphMail.Engine.Connections.Configuration;

namespace GraphMail.Tests.Connections.Support;

/// <summary>An environment for -EnvironmentVariable tests: no process variable is touched.</summary>
internal sealed class DictionaryVariables : Dictionary<string, string>, IEnvironmentVariables
{
    public string? Get(string name) => TryGetValue(name, out var value) ? value : null;
}
