using System.Collections.Generic;
using System.Net.Mail;
using GraphMail.Engine.Sending.Model;

namespace GraphMail.Engine.Sending.Validation;

/// <summary>
/// What Send-MailMessage options mean through Graph. SMTP settings are accepted (an old script still binds) and
/// ignored with a warning: Graph sends with the connection's app identity from the From mailbox, never through a
/// server, port or credential. Encoding is accepted silently: Graph always carries Unicode, which is what it was
/// chosen for. DeliveryNotificationOption OnSuccess asks for a delivery receipt; OnFailure is what Exchange always
/// does; Delay and Never cannot be asked for through Graph.
/// </summary>
public static class CompatibilityNotes
{
    internal const string SmtpIgnored =
        "-SmtpServer, -Port, -UseSsl and -Credential are Send-MailMessage settings that Graph does not use; they are ignored. " +
        "GraphMail sends from the -From mailbox with the app identity of Connect-GraphMail.";

    internal const string DeliveryNotificationPartly =
        "-DeliveryNotificationOption Delay and Never cannot be requested through Graph and are ignored " +
        "(OnSuccess asks for a delivery receipt; Exchange always reports failures to the sender).";

    /// <summary>The notes that apply to these parameters, once each.</summary>
    public static IEnumerable<string> For(MailParameters parameters)
    {
        if (parameters.SmtpServer is not null || parameters.Port is not null || parameters.UseSsl is not null || parameters.Credential is not null)
        {
            yield return SmtpIgnored;
        }

        if (parameters.DeliveryNotificationOption is { } dno &&
            (dno & (DeliveryNotificationOptions.Delay | DeliveryNotificationOptions.Never)) != 0)
        {
            yield return DeliveryNotificationPartly;
        }
    }

    internal static bool AsksForDeliveryReceipt(DeliveryNotificationOptions? options) =>
        options is { } o && (o & DeliveryNotificationOptions.OnSuccess) != 0 && (o & DeliveryNotificationOptions.Never) == 0;

    internal static string ImportanceOf(MailPriority? priority) => priority switch
    {
        MailPriority.High => "high",
        MailPriority.Low => "low",
        _ => "normal",
    };
}
