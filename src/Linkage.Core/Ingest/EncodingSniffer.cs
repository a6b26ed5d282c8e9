using System.Text;
using System.Text.Unicode;

namespace Linkage.Ingest;

/// <summary>
/// Decides how a file's bytes are text: a byte order mark wins; otherwise NUL-byte patterns reveal BOM-less UTF-16;
/// otherwise the whole file is checked as UTF-8, and text that is mostly not UTF-8 is read as Windows-1251, the
/// encoding of scraped Russian pages.
/// </summary>
internal static class EncodingSniffer
{
    private const int ScanChunkBytes = 1024 * 1024;

    static EncodingSniffer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    // Decoders replace bytes they cannot read with U+FFFD instead of throwing: a damaged byte costs one character.
    private static readonly Encoding Utf8Text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly Encoding Utf16LittleEndian = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false);
    private static readonly Encoding Utf16BigEndian = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false);

    /// <summary>Examines <paramref name="stream"/> from its start; leaves its position undefined.</summary>
    public static DetectedEncoding Detect(Stream stream)
    {
        stream.Position = 0;
        Span<byte> head = stackalloc byte[3];
        var headLength = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..headLength];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new DetectedEncoding(Utf8Text, CodeUnitLayout.SingleByte, 3, "UTF-8 (BOM)");
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DetectedEncoding(Utf16LittleEndian, CodeUnitLayout.Utf16LittleEndian, 2, "UTF-16LE (BOM)");
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DetectedEncoding(Utf16BigEndian, CodeUnitLayout.Utf16BigEndian, 2, "UTF-16BE (BOM)");
        }

        stream.Position = 0;
        var sample = new byte[IngestLimits.SniffBytes];
        var sampleLength = stream.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        switch (GuessUtf16(sample.AsSpan(0, sampleLength)))
        {
            case CodeUnitLayout.Utf16LittleEndian:
                return new DetectedEncoding(Utf16LittleEndian, CodeUnitLayout.Utf16LittleEndian, 0, "UTF-16LE");
            case CodeUnitLayout.Utf16BigEndian:
                return new DetectedEncoding(Utf16BigEndian, CodeUnitLayout.Utf16BigEndian, 0, "UTF-16BE");
        }

        stream.Position = 0;
        return LooksLikeUtf8(stream)
            ? new DetectedEncoding(Utf8Text, CodeUnitLayout.SingleByte, 0, "UTF-8")
            : new DetectedEncoding(Encoding.GetEncoding(1251), CodeUnitLayout.SingleByte, 0, "Windows-1251");
    }

    /// <summary>
    /// UTF-16 text of Latin or Cyrillic letters has a high byte of 0x00 or 0x04 in nearly every unit, always on the
    /// same side; single-byte encodings almost never contain those bytes.
    /// </summary>
    internal static CodeUnitLayout GuessUtf16(ReadOnlySpan<byte> sample)
    {
        var pairs = sample.Length / 2;
        if (pairs == 0)
        {
            return CodeUnitLayout.SingleByte;
        }
        int highSecond = 0, highFirst = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            byte first = sample[i], second = sample[i + 1];
            if (second is 0x00 or 0x04 && first != 0x00)
            {
                highSecond++;
            }
            else if (first is 0x00 or 0x04 && second != 0x00)
            {
                highFirst++;
            }
        }
        if (highSecond * 2 >= pairs && highFirst * 10 <= pairs)
        {
            return CodeUnitLayout.Utf16LittleEndian;
        }
        if (highFirst * 2 >= pairs && highSecond * 10 <= pairs)
        {
            return CodeUnitLayout.Utf16BigEndian;
        }
        return CodeUnitLayout.SingleByte;
    }

    /// <summary>
    /// True when the file is UTF-8, allowing a few damaged bytes among many well-formed multi-byte characters.
    /// Windows-1251 Cyrillic is invalid UTF-8 almost at every letter, so the two are easy to tell apart.
    /// </summary>
    private static bool LooksLikeUtf8(Stream stream)
    {
        var buffer = new byte[ScanChunkBytes];
        var carried = 0;
        var tally = new Utf8Tally();
        while (true)
        {
            var read = stream.ReadAtLeast(buffer.AsSpan(carried), buffer.Length - carried, throwOnEndOfStream: false);
            var length = carried + read;
            var atEnd = read == 0 || length < buffer.Length;
            var chunk = buffer.AsSpan(0, length);
            var complete = atEnd ? length : length - IncompleteTailLength(chunk);
            if (Utf8.IsValid(chunk[..complete]))
            {
                tally.CountMultiByte(chunk[..complete]);
            }
            else
            {
                tally.CountSequences(chunk[..complete]);
                if (tally.Invalid >= 64 && tally.Invalid * 4 > tally.MultiByte)
                {
                    return false;
                }
            }
            if (atEnd)
            {
                return tally.Invalid == 0 || tally.MultiByte >= tally.Invalid * 4;
            }
            carried = length - complete;
            chunk[complete..].CopyTo(buffer);
        }
    }

    /// <summary>Bytes at the end of <paramref name="chunk"/> that begin a multi-byte character the chunk cuts off.</summary>
    private static int IncompleteTailLength(ReadOnlySpan<byte> chunk)
    {
        for (var back = 1; back <= 3 && back <= chunk.Length; back++)
        {
            var b = chunk[^back];
            if (b < 0x80)
            {
                return 0;
            }
            if (b >= 0xC0)
            {
                var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return needed > back ? back : 0;
            }
        }
        return 0;
    }

    private struct Utf8Tally
    {
        public long MultiByte;
        public long Invalid;

        public void CountMultiByte(ReadOnlySpan<byte> valid)
        {
            foreach (var b in valid)
            {
                if (b >= 0xC0)
                {
                    MultiByte++;
                }
            }
        }

        public void CountSequences(ReadOnlySpan<byte> bytes)
        {
            var i = 0;
            while (i < bytes.Length)
            {
                var b = bytes[i];
                var length = b < 0x80 ? 1 : b is >= 0xC2 and <= 0xDF ? 2 : b is >= 0xE0 and <= 0xEF ? 3 : b is >= 0xF0 and <= 0xF4 ? 4 : 0;
                if (length == 1)
                {
                    i++;
                    continue;
                }
                if (length == 0 || i + length > bytes.Length || !AreContinuations(bytes.Slice(i + 1, length - 1)))
                {
                    Invalid++;
                    i++;
                    continue;
                }
                MultiByte++;
                i += length;
            }
        }

        private static bool AreContinuations(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                if (b is < 0x80 or > 0xBF)
                {
                    return false;
                }
            }
            return true;
        }
    }
}
