namespace GraphMail;

/// <summary>The Microsoft cloud a tenant lives in. Hosts for each are in the engine's one cloud table.</summary>
public enum GraphMailEnvironment
{
    Global,
    USGov,
    USGovDoD,
    China,
}
