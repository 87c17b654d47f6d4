namespace GraphMail.Engine.Sending.Model;

/// <summary>One parsed address: the mailbox address (domain in ASCII form) and an optional display name.</summary>
public sealed class MailRecipient
{
    public MailRecipient(string address, string? name)
    {
        Address = address;
        Name = string.IsNullOrWhiteSpace(name) ? null : name;
    }

    public string Address { get; }

    public string? Name { get; }

    /// <summary>The part after the @, used for the Message-ID GraphMail stamps.</summary>
    public string Domain => Address.Substring(Address.LastIndexOf('@') + 1);

    public override string ToString() => Name is null ? Address : "\"" + Name + "\" <" + Address + ">";
}
