using System;
using System.Linq;
using System.Net.Http.Headers;
using GraphMail.Engine.Sending;
using GraphMail.Engine.Sending.Retry;

namespace GraphMail.Tests.Sending;

public sealed class RetryRulesTests
{
    [Theory]
    [InlineData(202, false, RequestSafety.SendsMail, Verdict.Succeeded)]
    [InlineData(201, false, RequestSafety.Creates, Verdict.Succeeded)]
    [InlineData(429, false, RequestSafety.SendsMail, Verdict.Retry)]
    [InlineData(429, true, RequestSafety.SendsMail, Verdict.Retry)]
    [InlineData(503, true, RequestSafety.SendsMail, Verdict.Retry)]
    [InlineData(503, false, RequestSafety.SendsMail, Verdict.Ambiguous)]
    [InlineData(504, true, RequestSafety.SendsMail, Verdict.Ambiguous)]
    [InlineData(500, false, RequestSafety.SendsMail, Verdict.Ambiguous)]
    [InlineData(502, false, RequestSafety.Creates, Verdict.Ambiguous)]
    [InlineData(504, false, RequestSafety.Idempotent, Verdict.Retry)]
    [InlineData(500, false, RequestSafety.Idempotent, Verdict.Retry)]
    [InlineData(400, false, RequestSafety.SendsMail, Verdict.Rejected)]
    [InlineData(401, false, RequestSafety.SendsMail, Verdict.Rejected)]
    [InlineData(403, false, RequestSafety.SendsMail, Verdict.Rejected)]
    [InlineData(404, false, RequestSafety.Idempotent, Verdict.Rejected)]
    [InlineData(413, false, RequestSafety.SendsMail, Verdict.Rejected)]
    public void OnlyClearRefusalsAreRetriedForRequestsThatSend(int status, bool retryAfter, RequestSafety safety, Verdict verdict) =>
        Assert.Equal(verdict, RetryClassifier.ForStatus(status, retryAfter, safety));

    [Theory]
    [InlineData(false, RequestSafety.SendsMail, Verdict.Retry)]
    [InlineData(true, RequestSafety.SendsMail, Verdict.Ambiguous)]
    [InlineData(true, RequestSafety.Creates, Verdict.Ambiguous)]
    [InlineData(true, RequestSafety.Idempotent, Verdict.Retry)]
    public void ALostConnectionIsRetriedOnlyIfNothingWasWritten(bool bodyStarted, RequestSafety safety, Verdict verdict) =>
        Assert.Equal(verdict, RetryClassifier.ForFailure(bodyStarted, safety));

    [Fact]
    public void RetryAfterIsReadAsSecondsOrAsADate()
    {
        var now = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(10), RetryClassifier.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(10)), now));
        Assert.Equal(TimeSpan.FromSeconds(90), RetryClassifier.RetryAfter(new RetryConditionHeaderValue(now.AddSeconds(90)), now));
        Assert.Equal(TimeSpan.Zero, RetryClassifier.RetryAfter(new RetryConditionHeaderValue(now.AddSeconds(-5)), now));
        Assert.Null(RetryClassifier.RetryAfter(null, now));
    }

    [Fact]
    public void TheBudgetBoundsAttempts()
    {
        var budget = new RetryBudget(new RetryOptions { MaxAttempts = 3, MaxTotalWait = TimeSpan.FromHours(1) });

        budget.CountAttempt();
        Assert.NotNull(budget.NextWait(TimeSpan.FromSeconds(1)));
        budget.CountAttempt();
        Assert.NotNull(budget.NextWait(TimeSpan.FromSeconds(1)));
        budget.CountAttempt();
        Assert.Null(budget.NextWait(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void TheBudgetBoundsTheTotalWaitAndHonoursRetryAfterExactly()
    {
        var budget = new RetryBudget(new RetryOptions { MaxAttempts = 100, MaxTotalWait = TimeSpan.FromSeconds(25) });

        budget.CountAttempt();
        Assert.Equal(TimeSpan.FromSeconds(20), budget.NextWait(TimeSpan.FromSeconds(20)));
        budget.CountAttempt();
        Assert.Null(budget.NextWait(TimeSpan.FromSeconds(6)));
        Assert.Equal(TimeSpan.FromSeconds(5), budget.NextWait(TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromSeconds(25), budget.Waited);
    }

    [Fact]
    public void WithoutRetryAfterTheWaitDoublesWithBoundedJitter()
    {
        var budget = new RetryBudget(new RetryOptions { MaxAttempts = 10, MaxTotalWait = TimeSpan.FromHours(1), BaseDelay = TimeSpan.FromSeconds(1) });
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            budget.CountAttempt();
            var wait = budget.NextWait(null)!.Value;
            var expected = TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));
            Assert.InRange(wait, expected, expected * 1.2);
        }
    }

    [Theory]
    [InlineData(3_000_000, true)]
    [InlineData(3 * 1024 * 1024, false)]
    public void AboutThreeMegabytesFitInOneRequest(long attachments, bool fits) =>
        Assert.Equal(fits, SendLimits.FitsInOneRequest(attachments, 1000));

    [Fact]
    public void Base64GrowsByAThirdRoundedUpToFour() =>
        Assert.Equal(new long[] { 0, 4, 4, 4, 8, 4_000_000 }, new long[] { 0, 1, 2, 3, 4, 3_000_000 }.Select(SendLimits.Base64Length));
}
