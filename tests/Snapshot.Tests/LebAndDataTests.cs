using Navidrome.DiscordPresence.Snapshot;
using Xunit;

namespace Navidrome.DiscordPresence.Snapshot.Tests;

public class LebAndDataTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(63L)]
    [InlineData(64L)]
    [InlineData(-1L)]
    [InlineData(-65L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void Signed_numbers_round_trip(long value)
    {
        var bytes = new List<byte>();
        Leb128.WriteSigned(bytes, value);
        var position = 0;
        Assert.Equal(value, Leb128.ReadSigned([.. bytes], ref position));
        Assert.Equal(bytes.Count, position);
    }

    [Fact]
    public void Data_segments_cover_every_non_zero_byte_and_merge_short_gaps()
    {
        var image = new byte[4096];
        image[10] = 1; image[20] = 2;       // 9 zeros apart: one segment
        image[1000] = 3;                   // far away: a second segment
        image[4095] = 4;                   // the very last byte
        var (content, segments) = SectionWriters.Data(image);
        Assert.Equal(3, segments);
        var rebuilt = new byte[image.Length];
        var position = 0;
        var count = (int)Leb128.ReadUnsigned(content, ref position);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(0, content[position++]);   // active, memory 0
            Assert.Equal(0x41, content[position++]);
            var offset = (int)Leb128.ReadSigned(content, ref position);
            Assert.Equal(0x0B, content[position++]);
            var length = (int)Leb128.ReadUnsigned(content, ref position);
            content.AsSpan(position, length).CopyTo(rebuilt.AsSpan(offset));
            position += length;
        }
        Assert.Equal(image, rebuilt);
    }
}
