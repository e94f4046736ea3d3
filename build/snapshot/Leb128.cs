namespace Navidrome.DiscordPresence.Snapshot;

/// <summary>The variable-length integers of the wasm binary format (unsigned for sizes and indices, signed for constants).</summary>
internal static class Leb128
{
    public static ulong ReadUnsigned(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong result = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
    }

    public static long ReadSigned(ReadOnlySpan<byte> bytes, ref int position)
    {
        long result = 0;
        var shift = 0;
        byte b;
        do
        {
            b = bytes[position++];
            result |= (long)(b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) result |= -1L << shift;
        return result;
    }

    public static void WriteUnsigned(List<byte> output, ulong value)
    {
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            output.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
    }

    public static void WriteSigned(List<byte> output, long value)
    {
        while (true)
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            var done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            output.Add(done ? b : (byte)(b | 0x80));
            if (done) return;
        }
    }
}
