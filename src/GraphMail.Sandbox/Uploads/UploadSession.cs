using System;
using System.Security.Cryptography;
using GraphMail.Sandbox.Control;
using GraphMail.Sandbox.Mail;

namespace GraphMail.Sandbox.Uploads;

/// <summary>An attachment upload session for a draft: bytes arrive in order and are hashed, not kept.</summary>
internal sealed class UploadSession : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    internal UploadSession(Draft draft, string name, string? contentType, bool isInline, string? contentId, long size, DateTimeOffset expiresAt)
    {
        Draft = draft;
        Name = name;
        ContentType = contentType;
        IsInline = isInline;
        ContentId = contentId;
        Size = size;
        ExpiresAt = expiresAt;
    }

    internal string Id { get; } = "AAMkAGSbxSession" + Identity.Base64Url.Encode(RandomNumberGenerator.GetBytes(18));

    internal string AuthToken { get; } = Identity.Base64Url.Encode(RandomNumberGenerator.GetBytes(32));

    internal string AttachmentId { get; } = "AAMkAGSbxAttachment" + Identity.Base64Url.Encode(RandomNumberGenerator.GetBytes(18));

    internal Draft Draft { get; }

    internal string Name { get; }

    internal string? ContentType { get; }

    internal bool IsInline { get; }

    internal string? ContentId { get; }

    internal long Size { get; }

    internal DateTimeOffset ExpiresAt { get; }

    /// <summary>The offset the next chunk must start at. Guarded by locking the session.</summary>
    internal long NextOffset { get; private set; }

    internal bool IsComplete => NextOffset == Size;

    internal void Append(ReadOnlySpan<byte> chunk)
    {
        _hash.AppendData(chunk);
        NextOffset += chunk.Length;
    }

    internal RecordedAttachment ToAttachment() => new()
    {
        Name = Name,
        ContentType = ContentType,
        Size = Size,
        Sha256 = Convert.ToHexString(_hash.GetHashAndReset()).ToLowerInvariant(),
        IsInline = IsInline,
        ContentId = ContentId,
        Source = "uploadSession",
    };

    public void Dispose() => _hash.Dispose();
}
