using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Linkage.Review.Html;

/// <summary>
/// Builds a page. Every interpolated hole is HTML-encoded unless it is <see cref="Markup"/>, so scraped text
/// (hostile by assumption) cannot open a tag or an attribute; only literal template text is written raw.
/// </summary>
internal sealed class HtmlWriter
{
    // Cyrillic and other scripts stay readable; markup characters and quotes are always encoded.
    internal static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    internal StringBuilder Builder { get; } = new(8 * 1024);

    public HtmlWriter Add([InterpolatedStringHandlerArgument("")] ref HtmlHandler html) => this;

    public static string Encode(string? text) => Encoder.Encode(Sanitize(text));

    public static Markup Fragment([InterpolatedStringHandlerArgument] ref HtmlHandler html) => html.ToMarkup();

    public override string ToString() => Builder.ToString();

    /// <summary>NUL and other C0 controls but tab and line breaks are dropped: browsers treat them unpredictably.</summary>
    internal static string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u0008') && !text.AsSpan().ContainsAnyInRange('\u000B', '\u001F'))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c >= ' ' || c is '\t' or '\n' or '\r')
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}

[InterpolatedStringHandler]
internal ref struct HtmlHandler
{
    private readonly StringBuilder _builder;

    public HtmlHandler(int literalLength, int formattedCount, HtmlWriter writer)
    {
        _ = formattedCount;
        _builder = writer.Builder;
        _builder.EnsureCapacity(_builder.Length + literalLength);
    }

    public HtmlHandler(int literalLength, int formattedCount)
    {
        _ = formattedCount;
        _builder = new StringBuilder(literalLength + 64);
    }

    public readonly void AppendLiteral(string literal) => _builder.Append(literal);

    public readonly void AppendFormatted(string? text) => _builder.Append(HtmlWriter.Encode(text));

    public readonly void AppendFormatted(Markup markup) => _builder.Append(markup.Value);

    public readonly void AppendFormatted(int value) => _builder.Append(value.ToString(CultureInfo.InvariantCulture));

    public readonly void AppendFormatted(long value) => _builder.Append(value.ToString(CultureInfo.InvariantCulture));

    public readonly void AppendFormatted(double value, string format) =>
        _builder.Append(HtmlWriter.Encode(value.ToString(format, CultureInfo.InvariantCulture)));

    public readonly void AppendFormatted(DateTimeOffset value) =>
        _builder.Append(HtmlWriter.Encode(value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)));

    internal readonly Markup ToMarkup() => new(_builder.ToString());
}
