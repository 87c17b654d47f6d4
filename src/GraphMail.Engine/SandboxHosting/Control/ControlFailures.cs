using System;
using System.Net.Http;
using System.Text.Json;

namespace GraphMail.Engine.SandboxHosting.Control;

/// <summary>What went wrong talking to a sandbox's control API, as GraphMail errors.</summary>
internal static class ControlFailures
{
    internal static GraphMailException Unreachable(Uri control, Exception exception) =>
        new(ErrorIds.SandboxUnreachable, GraphMailErrorKind.ConnectionError,
            $"The GraphMail.Sandbox at {control.GetLeftPart(UriPartial.Authority)} did not answer; it may have stopped ({exception.GetBaseException().Message}).",
            "Start one with Start-GraphMailSandbox and pass the sandbox it returns to -Sandbox (or leave -Sandbox out to use it).",
            exception);

    internal static GraphMailException Refused(HttpMethod method, string path, int status, string body) =>
        new GraphMailException(ErrorIds.SandboxControlRefused, status == 400 ? GraphMailErrorKind.InvalidArgument : GraphMailErrorKind.InvalidOperation,
            $"The sandbox refused {method} /_sandbox/{path}: {ErrorText(body)}",
            "Check the values against docs/sandbox.md (control API, faults, settings).")
            .WithService(null, status, null, null);

    private static string ErrorText(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString()! : body;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return body.Length == 0 ? "(no answer body)" : body;
        }
    }
}
