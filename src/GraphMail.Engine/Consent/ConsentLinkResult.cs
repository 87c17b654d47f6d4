using System.Collections.Generic;

namespace GraphMail.Engine.Consent;

/// <summary>A consent link, and the warnings the command shows beside it (a browser that could not be opened).</summary>
public sealed class ConsentLinkResult
{
    internal ConsentLinkResult(ConsentLink link, IReadOnlyList<string> warnings)
    {
        Link = link;
        Warnings = warnings;
    }

    public ConsentLink Link { get; }

    public IReadOnlyList<string> Warnings { get; }
}
