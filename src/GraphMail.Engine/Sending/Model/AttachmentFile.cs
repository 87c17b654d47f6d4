namespace GraphMail.Engine.Sending.Model;

/// <summary>A file checked to exist and be readable, with the size it had when the message was checked.</summary>
public sealed class AttachmentFile
{
    public AttachmentFile(string path, string name, long length, string contentType, string? contentId)
    {
        Path = path;
        Name = name;
        Length = length;
        ContentType = contentType;
        ContentId = contentId;
    }

    /// <summary>Full file-system path.</summary>
    public string Path { get; }

    /// <summary>The file name the recipient sees.</summary>
    public string Name { get; }

    public long Length { get; }

    public string ContentType { get; }

    /// <summary>Set for an inline attachment: the id HTML refers to as <c>cid:{ContentId}</c>.</summary>
    public string? ContentId { get; }

    public bool IsInline => ContentId is not null;

    /// <summary>Too large to go inside a request: it needs an upload session.</summary>
    public bool NeedsUploadSession => Length >= SendLimits.UploadSessionMinimumBytes;
}
