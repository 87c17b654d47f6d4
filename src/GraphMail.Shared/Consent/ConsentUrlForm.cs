namespace GraphMail;

/// <summary>Which Entra ID admin-consent endpoint a link uses.</summary>
public enum ConsentUrlForm
{
    /// <summary><c>/{tenant}/adminconsent</c>: the form most vendor guides use; consents to every permission the app registration lists.</summary>
    V1,

    /// <summary><c>/{tenant}/v2.0/adminconsent</c> with <c>scope=&lt;graph&gt;/.default</c>: needs a registered redirect URI.</summary>
    V2,
}
