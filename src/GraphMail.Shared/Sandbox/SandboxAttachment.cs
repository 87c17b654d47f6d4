namespace GraphMail;

/// <summary>A file attachment of a message the sandbox recorded. The sandbox keeps a hash of the bytes, not the bytes.</summary>
public sealed class SandboxAttachment
{
    internal SandboxAttachment(string name, string? contentType, long size, string sha256, bool isInline, string? contentId, string source)
    {
        Name = name;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        IsInline = isInline;
        ContentId = contentId;
        Source = source;
    }

    public string Name { get; }

    public string? ContentType { get; }

    /// <summary>Bytes.</summary>
    public long Size { get; }

    /// <summary>SHA-256 of the bytes as upper-case hex, as <c>(Get-FileHash $path).Hash</c> shows it.</summary>
    public string Sha256 { get; }

    public bool IsInline { get; }

    /// <summary>The cid an HTML body refers to an inline attachment by.</summary>
    public string? ContentId { get; }

    /// <summary><c>inline</c> (bytes in the message JSON) or <c>uploadSession</c> (a draft's upload session, for large files).</summary>
    public string Source { get; }

    public override string ToString() => Name;
}
