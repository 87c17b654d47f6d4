using System;
using System.Text;

namespace GraphMail;

/// <summary>
/// The one exception the engine throws: a stable error id, what happened, how to fix it, and the service's own
/// code and request ids when the failure came from Entra ID or Graph. It never carries a secret or a token.
/// </summary>
public sealed class GraphMailException : Exception
{
    public GraphMailException(
        string errorId,
        GraphMailErrorKind kind,
        string cause,
        string? fix = null,
        Exception? innerException = null)
        : base(Compose(cause, fix, null, null, null), innerException)
    {
        ErrorId = errorId;
        Kind = kind;
        Cause = cause;
        Fix = fix;
    }

    private GraphMailException(GraphMailException source, string? serviceCode, int? httpStatus, string? requestId, string? clientRequestId)
        : base(Compose(source.Cause, source.Fix, serviceCode, requestId, httpStatus), source.InnerException)
    {
        ErrorId = source.ErrorId;
        Kind = source.Kind;
        Cause = source.Cause;
        Fix = source.Fix;
        ServiceCode = serviceCode;
        HttpStatus = httpStatus;
        RequestId = requestId;
        ClientRequestId = clientRequestId;
        Target = source.Target;
    }

    /// <summary>Stable PascalCase id, one of <see cref="ErrorIds"/>; used as the ErrorRecord's ErrorId.</summary>
    public string ErrorId { get; }

    public GraphMailErrorKind Kind { get; }

    /// <summary>One line: what went wrong.</summary>
    public string Cause { get; }

    /// <summary>One line: what to do about it (a command or a portal step), when there is something to do.</summary>
    public string? Fix { get; }

    /// <summary>The service's code: an AADSTS number such as AADSTS7000215, or a Graph code such as ErrorAccessDenied.</summary>
    public string? ServiceCode { get; }

    public int? HttpStatus { get; }

    /// <summary>Graph's request-id or Entra ID's trace id, for a support case.</summary>
    public string? RequestId { get; }

    public string? ClientRequestId { get; }

    /// <summary>The value the user gave that this error is about (a client ID, a path, an address), when the engine knows it.</summary>
    public object? Target { get; private set; }

    /// <summary>
    /// What happened without the fix: the cause and what the service answered. An ErrorRecord shows this as its message
    /// and the fix once, as its RecommendedAction.
    /// </summary>
    public string Description => Compose(Cause, null, ServiceCode, RequestId, HttpStatus);

    /// <summary>Names the offending value (the ErrorRecord's TargetObject); returns this exception, to throw.</summary>
    public GraphMailException Targeting(object? value)
    {
        Target = value;
        return this;
    }

    /// <summary>
    /// The message alone, without the inner exception's stack: what a report shows in a cell (Export-Csv of a
    /// SendResult) or a log line. The inner exception stays in <see cref="Exception.InnerException"/>.
    /// </summary>
    public override string ToString() => Message;

    /// <summary>A copy that also names what the service answered.</summary>
    public GraphMailException WithService(string? serviceCode, int? httpStatus, string? requestId, string? clientRequestId) =>
        new(this, serviceCode, httpStatus, requestId, clientRequestId);

    private static string Compose(string cause, string? fix, string? serviceCode, string? requestId, int? httpStatus)
    {
        var text = new StringBuilder(cause);
        if (!string.IsNullOrEmpty(fix))
        {
            text.Append(' ').Append(fix);
        }

        if (serviceCode is not null || requestId is not null || httpStatus is not null)
        {
            text.Append(" (");
            var first = true;
            void Part(string label, string? value)
            {
                if (value is null)
                {
                    return;
                }

                text.Append(first ? string.Empty : ", ").Append(label).Append(value);
                first = false;
            }

            Part("HTTP ", httpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Part("code: ", serviceCode);
            Part("request-id: ", requestId);
            text.Append(')');
        }

        return text.ToString();
    }
}
