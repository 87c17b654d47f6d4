using System;
using GraphMail.Engine.Sending.Model;

namespace GraphMail.Engine.Sending.Paths;

/// <summary>Graph URL paths below the base URL.</summary>
internal static class GraphPaths
{
    /// <summary>users/{sender}; the @ stays readable, anything else that needs escaping is escaped.</summary>
    internal static string User(OutgoingMessage message) =>
        "users/" + Uri.EscapeDataString(message.From.Address).Replace("%40", "@");

    internal static string Message(OutgoingMessage message, string id) =>
        User(message) + "/messages/" + Uri.EscapeDataString(id);
}
