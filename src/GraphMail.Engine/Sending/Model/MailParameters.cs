using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Net.Mail;
using System.Text;

namespace GraphMail.Engine.Sending.Model;

/// <summary>
/// Send-GraphMail's parameters as one record binds them: null means "not given". The cmdlet hands over its bound
/// parameters by name (PowerShell types already unwrapped); everything else about them is decided here.
/// A blank value (null, '', spaces, or a list of nothing but those) is "not given", as Import-Csv writes an empty cell.
/// </summary>
public sealed class MailParameters
{
    public string[]? To { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public string? From { get; set; }
    public string[]? Cc { get; set; }
    public string[]? Bcc { get; set; }
    public string[]? ReplyTo { get; set; }
    public string[]? Attachments { get; set; }
    public bool? BodyAsHtml { get; set; }
    public MailPriority? Priority { get; set; }
    public Encoding? Encoding { get; set; }
    public DeliveryNotificationOptions? DeliveryNotificationOption { get; set; }
    public IReadOnlyList<KeyValuePair<string, string>>? InlineAttachment { get; set; }
    public IReadOnlyList<KeyValuePair<string, string>>? Header { get; set; }
    public bool? SaveToSentItems { get; set; }

    /// <summary>-MessageKey (or a MessageKey column): what the -Journal knows this message by across runs.</summary>
    public string? MessageKey { get; set; }

    // Send-MailMessage's SMTP settings: accepted so old scripts bind, never used (see CompatibilityNotes).
    public string? SmtpServer { get; set; }
    public int? Port { get; set; }
    public bool? UseSsl { get; set; }
    public bool? Credential { get; set; }

    /// <summary>The names of the parameters that were given, for telling a mail-merge record from an attachment.</summary>
    public ISet<string> Given { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Reads bound parameters by name, case-insensitively. Names that are not mail parameters (PassThru, WhatIf,
    /// common parameters) are ignored. Values may be a single item or an array; dictionaries become ordered pairs.
    /// </summary>
    public static MailParameters FromBound(IEnumerable<KeyValuePair<string, object?>> bound)
    {
        var p = new MailParameters();
        foreach (var pair in bound)
        {
            if (!IsBlank(pair.Value) && p.Set(pair.Key, pair.Value))
            {
                p.Given.Add(pair.Key);
            }
        }

        return p;
    }

    /// <summary>Makes a parameter "not given" again (the record's value for it was blank).</summary>
    public void Forget(string name)
    {
        Set(name, null);
        Given.Remove(name);
    }

    /// <summary>True for a value that means "not given": null, '', spaces, or a list holding nothing else.</summary>
    public static bool IsBlank(object? value)
    {
        switch (value)
        {
            case null:
                return true;
            case string text:
                return text.Trim().Length == 0;
            case IDictionary:
                return false;
            case IEnumerable many:
                foreach (var item in many)
                {
                    if (!IsBlank(item))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>This record's values where it has them, <paramref name="fallback"/>'s otherwise.</summary>
    public MailParameters Over(MailParameters fallback)
    {
        var merged = new MailParameters
        {
            To = To ?? fallback.To,
            Subject = Subject ?? fallback.Subject,
            Body = Body ?? fallback.Body,
            From = From ?? fallback.From,
            Cc = Cc ?? fallback.Cc,
            Bcc = Bcc ?? fallback.Bcc,
            ReplyTo = ReplyTo ?? fallback.ReplyTo,
            Attachments = Attachments ?? fallback.Attachments,
            BodyAsHtml = BodyAsHtml ?? fallback.BodyAsHtml,
            Priority = Priority ?? fallback.Priority,
            Encoding = Encoding ?? fallback.Encoding,
            DeliveryNotificationOption = DeliveryNotificationOption ?? fallback.DeliveryNotificationOption,
            InlineAttachment = InlineAttachment ?? fallback.InlineAttachment,
            Header = Header ?? fallback.Header,
            SaveToSentItems = SaveToSentItems ?? fallback.SaveToSentItems,
            MessageKey = MessageKey ?? fallback.MessageKey,
            SmtpServer = SmtpServer ?? fallback.SmtpServer,
            Port = Port ?? fallback.Port,
            UseSsl = UseSsl ?? fallback.UseSsl,
            Credential = Credential ?? fallback.Credential,
        };
        merged.Given.UnionWith(fallback.Given);
        merged.Given.UnionWith(Given);
        return merged;
    }

    private bool Set(string name, object? value)
    {
        switch (name.ToUpperInvariant())
        {
            case "TO": To = Strings(value); return true;
            case "SUBJECT": Subject = Text(value); return true;
            case "BODY": Body = Text(value); return true;
            case "FROM": From = Text(value); return true;
            case "CC": Cc = Strings(value); return true;
            case "BCC": Bcc = Strings(value); return true;
            case "REPLYTO": ReplyTo = Strings(value); return true;
            case "ATTACHMENTS": Attachments = Strings(value); return true;
            case "BODYASHTML": BodyAsHtml = Flag(name, value); return true;
            case "PRIORITY": Priority = value as MailPriority? ?? ParseEnum<MailPriority>(name, value); return true;
            case "ENCODING": Encoding = value as Encoding; return true;
            case "DELIVERYNOTIFICATIONOPTION":
                DeliveryNotificationOption = value as DeliveryNotificationOptions? ?? ParseEnum<DeliveryNotificationOptions>(name, value);
                return true;
            case "INLINEATTACHMENT": InlineAttachment = Pairs(name, value); return true;
            case "HEADER": Header = Pairs(name, value); return true;
            case "SAVETOSENTITEMS": SaveToSentItems = Flag(name, value); return true;
            case "MESSAGEKEY": MessageKey = Text(value); return true;
            case "SMTPSERVER": SmtpServer = Text(value); return true;
            case "PORT": Port = value is null ? null : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture); return true;
            case "USESSL": UseSsl = Flag(name, value); return true;
            case "CREDENTIAL": Credential = value is null ? null : true; return true;
            default: return false;
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        FileSystemInfo f => f.FullName,
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string[]? Strings(object? value) => value switch
    {
        null => null,
        string s => new[] { s },
        IEnumerable many => Flatten(many),
        _ => new[] { Text(value)! },
    };

    private static string[] Flatten(IEnumerable many)
    {
        var list = new List<string>();
        foreach (var item in many)
        {
            if (Text(item) is { } text)
            {
                list.Add(text);
            }
        }

        return list.ToArray();
    }

    private static bool? Flag(string name, object? value) => value is null ? null : BooleanText.Parse(name, value);

    private static T? ParseEnum<T>(string name, object? value)
        where T : struct
    {
        if (value is null)
        {
            return null;
        }

        if (Enum.TryParse<T>(Text(value), ignoreCase: true, out var parsed))
        {
            return parsed;
        }

        throw new GraphMailException(ErrorIds.InvalidSendParameter, GraphMailErrorKind.InvalidArgument,
            $"-{name} '{value}' is not one of: {string.Join(", ", Enum.GetNames(typeof(T)))}.");
    }

    private static IReadOnlyList<KeyValuePair<string, string>>? Pairs(string name, object? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value is not IDictionary dictionary)
        {
            throw new GraphMailException(ErrorIds.InvalidSendParameter, GraphMailErrorKind.InvalidArgument,
                $"-{name} takes a hashtable, not '{value}'.",
                $"Pass a hashtable such as -{name} @{{ name = 'value' }}.");
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (DictionaryEntry entry in dictionary)
        {
            pairs.Add(new KeyValuePair<string, string>(Text(entry.Key) ?? string.Empty, Text(entry.Value) ?? string.Empty));
        }

        return pairs;
    }
}
