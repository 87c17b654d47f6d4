using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace GraphMail.Sandbox.Faults;

/// <summary>Active faults per route. A fault hits the next N requests of its route, or a ratio of them drawn from a seedable generator.</summary>
internal sealed class FaultInjector(int? randomSeed)
{
    private readonly object _gate = new();
    private readonly List<ActiveFault> _faults = [];
    private Random _random = randomSeed is { } seed ? new Random(seed) : new Random();

    internal void Add(FaultSpec spec)
    {
        spec.Validate();
        lock (_gate)
        {
            _faults.Add(new ActiveFault(spec));
        }
    }

    internal void Clear(int? newRandomSeed = null)
    {
        lock (_gate)
        {
            _faults.Clear();
            if (newRandomSeed is { } seed)
            {
                _random = new Random(seed);
            }
        }
    }

    /// <summary>The faults still active, with what is left of their counts.</summary>
    internal IReadOnlyList<FaultSpec> Snapshot()
    {
        lock (_gate)
        {
            return _faults.Select(f => f.Spec.Ratio is null ? f.Spec with { Count = f.Remaining } : f.Spec).ToList();
        }
    }

    /// <summary>The fault that hits this request of the route, if any (first added wins).</summary>
    internal FaultSpec? Draw(string route)
    {
        lock (_gate)
        {
            foreach (var fault in _faults.Where(f => f.Spec.Route == route))
            {
                if (fault.Spec.Ratio is { } ratio)
                {
                    if (_random.NextDouble() < ratio)
                    {
                        return fault.Spec;
                    }

                    continue;
                }

                fault.Remaining--;
                if (fault.Remaining == 0)
                {
                    _faults.Remove(fault);
                }

                return fault.Spec;
            }

            return null;
        }
    }

    private sealed class ActiveFault(FaultSpec spec)
    {
        internal FaultSpec Spec { get; } = spec;

        internal int Remaining { get; set; } = spec.Count ?? 1;
    }
}
