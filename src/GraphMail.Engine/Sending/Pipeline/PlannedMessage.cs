using GraphMail.Engine.Sending.Model;

namespace GraphMail.Engine.Sending.Pipeline;

/// <summary>One message the command will send (or refuse): its parameters and the input it came from.</summary>
public sealed class PlannedMessage
{
    internal PlannedMessage(int number, int inputIndex, MailParameters parameters, object? input, GraphMailException? rejection = null, bool endsCommand = false)
    {
        Number = number;
        InputIndex = inputIndex;
        Parameters = parameters;
        Input = input;
        Rejection = rejection;
        EndsCommand = endsCommand;
    }

    /// <summary>1 for the command's first message, 2 for the next, ...: the order its result is written in.</summary>
    public int Number { get; }

    /// <summary>The position of its input in the command's pipeline input, from 0 (0 without pipeline input).</summary>
    public int InputIndex { get; }

    public MailParameters Parameters { get; }

    /// <summary>The pipeline object (or objects) the message came from; null when it came from the command line only.</summary>
    public object? Input { get; }

    /// <summary>Set when the planner already knows the message cannot be sent.</summary>
    public GraphMailException? Rejection { get; }

    /// <summary>
    /// The rejection is a mistake in the command itself (the command line and the input give the same parameter), which
    /// every later record would repeat: the command ends with it instead of going on.
    /// </summary>
    public bool EndsCommand { get; }
}
