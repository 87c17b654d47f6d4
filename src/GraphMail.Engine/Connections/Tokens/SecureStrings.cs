using System;
using System.Runtime.InteropServices;
using System.Security;

namespace GraphMail.Engine.Connections.Tokens;

/// <summary>The one place a SecureString becomes plain text: handed straight to MSAL's builder, never kept by GraphMail.</summary>
internal static class SecureStrings
{
    internal static string Reveal(SecureString secret)
    {
        var pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
            return Marshal.PtrToStringUni(pointer) ?? string.Empty;
        }
        finally
        {
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }

    /// <summary>Lends the secret's characters to <paramref name="use"/> and wipes them afterwards.</summary>
    internal static T UseChars<T>(SecureString secret, Func<char[], T> use)
    {
        var chars = new char[secret.Length];
        var pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
            Marshal.Copy(pointer, chars, 0, chars.Length);
            return use(chars);
        }
        finally
        {
            Array.Clear(chars, 0, chars.Length);
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }

    internal static SecureString From(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
