using System;
using System.Buffers;

namespace GraphMail.Engine.Sending.Payload;

/// <summary>A growable byte buffer rented from the shared pool: request bodies are built here, then sent as they are.</summary>
internal sealed class PooledBuffer : IBufferWriter<byte>, IDisposable
{
    private byte[] _array;
    private int _written;

    internal PooledBuffer(int initialCapacity = 16 * 1024) => _array = ArrayPool<byte>.Shared.Rent(initialCapacity);

    internal int Length => _written;

    internal ArraySegment<byte> Written => new(_array, 0, _written);

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsSpan(_written);
    }

    public void Dispose()
    {
        var array = _array;
        _array = Array.Empty<byte>();
        _written = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void Ensure(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _array.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _array.Length * 2));
        Buffer.BlockCopy(_array, 0, larger, 0, _written);
        ArrayPool<byte>.Shared.Return(_array);
        _array = larger;
    }
}
