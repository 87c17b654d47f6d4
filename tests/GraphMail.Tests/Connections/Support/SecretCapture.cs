using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace GraphMail.Tests.Connections.Support;

/// <summary>Everything GraphMail shows about a connection or a failure, gathered so a test can search it for secrets.</summary>
internal sealed class SecretCapture
{
    private readonly StringBuilder _text = new();

    internal string Text => _text.ToString();

    internal SecretCapture Add(string? text)
    {
        _text.AppendLine(text);
        return this;
    }

    internal SecretCapture Add(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            Add(e.Message).Add(e.ToString());
            foreach (var key in e.Data.Keys)
            {
                Add(key?.ToString()).Add(e.Data[key!]?.ToString());
            }
        }

        if (exception is GraphMailException graphMail)
        {
            // The ErrorRecords built from it are searched in real runspaces (GraphMail.Module.Tests SessionTests).
            Add(graphMail.Cause).Add(graphMail.Fix).Add(graphMail.ServiceCode).Add(graphMail.RequestId);
        }

        return this;
    }

    internal SecretCapture Add(ConnectionInfo info) =>
        Add(info.ToString()).Add(JsonSerializer.Serialize(info));

    internal SecretCapture Add(AccessTokenDetails details) =>
        Add(details.ToString()).Add(JsonSerializer.Serialize(details));

    internal void AssertFree(params string?[] secrets)
    {
        var text = Text;
        Assert.NotEmpty(text.Trim());
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
        {
            Assert.False(text.Contains(secret!, StringComparison.Ordinal), "A secret appears in what GraphMail shows.");
        }
    }

    internal static IEnumerable<string> TokenParts(string token) => token.Split('.').Where(p => p.Length > 16);
}
