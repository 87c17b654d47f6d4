namespace GraphMail;

/// <summary>How one step of New-GraphMailApplication went.</summary>
public enum ApplicationStepStatus
{
    /// <summary>It did not exist: made now.</summary>
    Created,

    /// <summary>An earlier run (or someone) made it already: nothing was changed.</summary>
    Found,

    /// <summary>It existed and was completed (a missing permission, redirect URI or credential added).</summary>
    Updated,

    /// <summary>Entra ID accepts the credential: the app can sign in.</summary>
    Verified,

    /// <summary>Deleted (Remove-GraphMailApplication).</summary>
    Removed,

    /// <summary>Not done, with the reason in Detail (-WhatIf, declined, or not asked for).</summary>
    Skipped,
}

/// <summary>One step of New-GraphMailApplication or Remove-GraphMailApplication: what, how it went, and the detail.</summary>
public sealed class GraphMailApplicationStep
{
    public GraphMailApplicationStep(string step, ApplicationStepStatus status, string detail)
    {
        Step = step ?? string.Empty;
        Status = status;
        Detail = detail ?? string.Empty;
    }

    /// <summary>Application, ServicePrincipal, Consent, Certificate, ClientSecret, SignIn, MailboxScope.</summary>
    public string Step { get; }

    public ApplicationStepStatus Status { get; }

    public string Detail { get; }

    public override string ToString() => Step + ": " + Status + " - " + Detail;
}
