namespace GraphMail;

/// <summary>How a message travels to Graph.</summary>
public enum SendPath
{
    /// <summary>One POST /users/{from}/sendMail with any attachments inside (up to about 3 MB in total).</summary>
    SendMail,

    /// <summary>A draft, an upload session per large attachment, then POST /messages/{id}/send. Needs Mail.ReadWrite.</summary>
    DraftUpload,
}
