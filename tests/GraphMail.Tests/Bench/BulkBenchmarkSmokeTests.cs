using System.Threading.Tasks;
using GraphMail.Bench.Bulk;
using GraphMail.Engine.Connections;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Bench;

/// <summary>
/// The benchmark harness's bulk run in a tiny configuration, so the harness always works: only its correctness
/// checks are asserted (one result each, nothing lost or duplicated), never how fast it went.
/// </summary>
public sealed class BulkBenchmarkSmokeTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    // Low enough that no message is throttled for all of its 6 attempts (0.1^6 each), which would rightly fail it.
    [InlineData(false, 0.1)]
    public async Task EveryMessageHasOneResultAndIsRecordedExactlyOnce(bool sequential, double throttleRatio)
    {
        var settings = new BulkSettings(20, LatencyMs: 0, Sequential: sequential, ThrottleRatio: throttleRatio, RetryAfterSeconds: 0);

        var result = await BulkBenchmark.RunAsync(SandboxEndpoint.Parse(sandbox.Server.ReadyLine), settings).WaitAsync(TestTimeout.Token);

        Assert.True(result.OneResultEach, result.Checks);
        Assert.Equal((20, 20, 0, 0, 0), (result.Sent, result.Recorded, result.Lost, result.Duplicated, result.Unexpected));
        Assert.True(result.Correct);
        Assert.Equal(throttleRatio > 0, result.ThrottledAttempts > 0);
    }
}
