namespace GraphMail.Engine.Sending.Errors;

/// <summary>Which Graph request of a send failed: the same Graph code can mean different things on each.</summary>
public enum GraphOperation
{
    SendMail,
    CreateDraft,
    AddAttachment,
    CreateUploadSession,
    UploadChunk,
    SendDraft,
    DeleteDraft,
}
