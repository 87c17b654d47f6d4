using GraphMail.Engine.Sending.Model;

namespace GraphMail.Engine.Sending.Pipeline;

/// <summary>One message the command will send: its parameters and the input it came from.</summary>
public sealed class PlannedMessage
{
    internal PlannedMessage(int number, MailParameters parameters, object? input, GraphMailException? rejection = null)
    {
        Number = number;
        Parameters = parameters;
        Input = input;
        Rejection = rejection;
    }

    /// <summary>1 for the command's first message, 2 for the next, ...</summary>
    public int Number { get; }

    public MailParameters Parameters { get; }

    /// <summary>The pipeline object (or objects) the message came from; null when it came from the command line only.</summary>
    public object? Input { get; }

    /// <summary>Set when the planner already knows the message cannot be sent.</summary>
    public GraphMailException? Rejection { get; }
}
