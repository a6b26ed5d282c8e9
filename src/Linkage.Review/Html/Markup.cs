namespace Linkage.Review.Html;

/// <summary>Text that is already HTML and must not be encoded again. Only this project's own code makes one.</summary>
internal readonly record struct Markup(string Value)
{
    public override string ToString() => Value;
}
