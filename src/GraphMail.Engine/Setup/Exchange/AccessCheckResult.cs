namespace GraphMail.Engine.Setup.Exchange;

/// <summary>Test-ApplicationAccessPolicy's AccessCheckResult: what the legacy application access policies allow.</summary>
public enum AccessCheckResult
{
    Granted,
    Denied,
}
