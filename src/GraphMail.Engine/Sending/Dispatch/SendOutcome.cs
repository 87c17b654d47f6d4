namespace GraphMail.Engine.Sending.Dispatch;

/// <summary>One message's end, with the input it came from (the error record's target object).</summary>
public sealed class SendOutcome
{
    public SendOutcome(int number, SendResult result, object? input)
    {
        Number = number;
        Result = result;
        Input = input;
    }

    /// <summary>The message's number in its command (1, 2, ...), as the planner gave it.</summary>
    public int Number { get; }

    public SendResult Result { get; }

    public object? Input { get; }
}
