using System;
using System.Threading;

namespace GraphMail.Tests.Infrastructure;

/// <summary>A guard against hangs, not a timing assertion: generous enough for a busy 2-core machine.</summary>
internal static class TestTimeout
{
    internal static CancellationToken Token => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;
}
