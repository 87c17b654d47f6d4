using System.Security.Cryptography;
using GraphMail.Sandbox.Identity;

namespace GraphMail.Sandbox.Mail;

internal static class MessageIds
{
    /// <summary>An opaque id shaped like Exchange's (AAMkA...), safe in a URL path segment.</summary>
    internal static string New() => "AAMkAGSbx" + Base64Url.Encode(RandomNumberGenerator.GetBytes(30));
}
