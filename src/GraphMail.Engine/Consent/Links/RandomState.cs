using System;
using System.Security.Cryptography;

namespace GraphMail.Engine.Consent.Links;

/// <summary>A state value nobody can guess: 32 bytes from the system's cryptographic generator, base64url (43 characters).</summary>
internal static class RandomState
{
    private const int Bytes = 32;

    internal static string Create()
    {
        var bytes = new byte[Bytes];
        using (var generator = RandomNumberGenerator.Create())
        {
            generator.GetBytes(bytes);
        }

        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
