using System;

namespace GraphMail.Bench.Bulk;

/// <summary>How long a bulk run took, and what the sandbox's record says about its correctness.</summary>
public sealed record BulkResult(
    BulkSettings Settings,
    TimeSpan Elapsed,
    int Outcomes,
    int DistinctMessages,
    int Sent,
    int Recorded,
    int Lost,
    int Duplicated,
    int Unexpected,
    int ThrottledAttempts,
    int ConcurrencyRefusals,
    int PeakInFlight)
{
    public double RatioToFloor => Elapsed / Settings.Floor;

    /// <summary>Exactly one outcome per message, as the cmdlet writes one result per message.</summary>
    public bool OneResultEach => Outcomes == Settings.Messages && DistinctMessages == Settings.Messages;

    public bool Correct => OneResultEach && Sent == Settings.Messages && Lost == 0 && Duplicated == 0 && Unexpected == 0;

    public string Checks =>
        $"{Outcomes} results for {Settings.Messages} messages ({(OneResultEach ? "one each" : "NOT one each")}), {Sent} sent, " +
        $"{Recorded} recorded by the sandbox: {Lost} lost, {Duplicated} duplicated, {Unexpected} unexpected; " +
        $"{ThrottledAttempts} sendMail attempts answered 429, {ConcurrencyRefusals} refused for concurrency, peak {PeakInFlight} in flight";
}
