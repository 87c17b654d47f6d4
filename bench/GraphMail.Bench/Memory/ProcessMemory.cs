using System;
using System.IO;
using System.Linq;
using System.Threading;

namespace GraphMail.Bench.Memory;

/// <summary>
/// This process's resident memory from /proc/self/status (Linux): VmRSS now and VmHWM, its peak, which
/// Process.PeakWorkingSet64 reports too. Writing 5 to /proc/self/clear_refs starts the peak again from now.
/// </summary>
public static class ProcessMemory
{
    public static long ResidentBytes => Read("VmRSS:");

    public static long PeakResidentBytes => Read("VmHWM:");

    /// <returns>False where the kernel does not allow it; the peak then counts from the process start.</returns>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Samples VmRSS every 2 ms until disposed: a second view of the peak, independent of the kernel's counter.</summary>
    public sealed class Sampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak;

        public Sampler()
        {
            _thread = new Thread(Sample) { IsBackground = true, Name = "rss sampler" };
            _thread.Start();
        }

        public long PeakBytes => Interlocked.Read(ref _peak);

        public void Dispose()
        {
            _stop = true;
            _thread.Join();
        }

        private void Sample()
        {
            while (!_stop)
            {
                var now = ResidentBytes;
                if (now > Interlocked.Read(ref _peak))
                {
                    Interlocked.Exchange(ref _peak, now);
                }

                Thread.Sleep(2);
            }
        }
    }

    private static long Read(string field)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal))
            ?? throw new PlatformNotSupportedException("/proc/self/status has no " + field);
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
