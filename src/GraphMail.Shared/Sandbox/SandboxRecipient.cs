namespace GraphMail;

/// <summary>An address on a message the sandbox recorded, with the display name the sender gave (if any).</summary>
public sealed class SandboxRecipient
{
    internal SandboxRecipient(string address, string? name)
    {
        Address = address;
        Name = name;
    }

    public string Address { get; }

    public string? Name { get; }

    /// <summary><c>Name &lt;address&gt;</c>, or the address alone when there is no name.</summary>
    public override string ToString() => string.IsNullOrEmpty(Name) ? Address : $"{Name} <{Address}>";
}
