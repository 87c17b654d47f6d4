using System;

namespace GraphMail.Engine.Setup.Exchange;

/// <summary>Reads the values Exchange Online cmdlets print (they arrive as strings or as their own enum types).</summary>
public static class ExchangeAnswers
{
    /// <summary>"Granted" or "Denied"; null for anything else.</summary>
    public static AccessCheckResult? AccessCheck(object? value) => Text(value) switch
    {
        "GRANTED" => AccessCheckResult.Granted,
        "DENIED" => AccessCheckResult.Denied,
        _ => null,
    };

    /// <summary>True/False (boolean or text); "Not Run" and anything else is NotRun.</summary>
    public static RoleInScope InScope(object? value) =>
        value is bool flag ? (flag ? RoleInScope.True : RoleInScope.False)
        : Text(value) switch
        {
            "TRUE" => RoleInScope.True,
            "FALSE" => RoleInScope.False,
            _ => RoleInScope.NotRun,
        };

    private static string? Text(object? value) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)?.Trim().ToUpperInvariant();
}
