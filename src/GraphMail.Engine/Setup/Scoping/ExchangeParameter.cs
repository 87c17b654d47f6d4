namespace GraphMail.Engine.Setup.Scoping;

/// <summary>One parameter of an Exchange Online command: its name and the value it passes, as it is (not quoted).</summary>
public sealed class ExchangeParameter
{
    private ExchangeParameter(string name, string value, bool isKeyword)
    {
        Name = name;
        Value = value;
        IsKeyword = isKeyword;
    }

    public string Name { get; }

    /// <summary>The value the command receives (an OPATH filter is already escaped for OPATH).</summary>
    public string Value { get; }

    /// <summary>A fixed word of GraphMail's (Security, RestrictAccess), written unquoted.</summary>
    public bool IsKeyword { get; }

    internal static ExchangeParameter Text(string name, string value) => new(name, value, isKeyword: false);

    internal static ExchangeParameter Keyword(string name, string value) => new(name, value, isKeyword: true);
}
