namespace GraphMail.Engine.Connections.Tokens;

/// <summary>A bearer token and what it says. The text stays here: ToString shows the details only.</summary>
internal sealed class AccessToken
{
    internal AccessToken(string value, AccessTokenDetails details)
    {
        Value = value;
        Details = details;
    }

    internal string Value { get; }

    internal AccessTokenDetails Details { get; }

    public override string ToString() => Details.ToString();
}
