using System;
using System.Runtime.InteropServices;

namespace GraphMail.Bench.Pwsh;

/// <summary>
/// CPU time (user + system) of this process's children that have ended, getrusage(RUSAGE_CHILDREN): a child's whole
/// tree, as each process's time is added to its parent's when the parent reaps it. The sandbox, still running, is not in it.
/// </summary>
public static class ChildCpu
{
    private const int RusageChildren = -1;

    /// <summary>Milliseconds so far; NaN where getrusage is not available (Windows).</summary>
    public static double Milliseconds
    {
        get
        {
            if (OperatingSystem.IsWindows() || GetRusage(RusageChildren, out var usage) != 0)
            {
                return double.NaN;
            }

            return ((usage.UserSeconds + usage.SystemSeconds) * 1000.0) + ((usage.UserMicroseconds + usage.SystemMicroseconds) / 1000.0);
        }
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, out Rusage usage);

    // struct rusage on 64-bit Linux and macOS: two timevals, then 14 longs.
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        private readonly long _maxrss, _ixrss, _idrss, _isrss, _minflt, _majflt, _nswap, _inblock, _oublock, _msgsnd, _msgrcv, _nsignals, _nvcsw, _nivcsw;
    }
}
