using System.Text;

namespace Linkage.Tests.Ingest;

/// <summary>A scratch directory for real input files, deleted after the test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "linkage-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="text"/> in <paramref name="encoding"/> (UTF-8 without BOM by default), with its BOM if it has one.</summary>
    public string Write(string name, string text, Encoding? encoding = null)
    {
        encoding ??= new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        return WriteBytes(name, [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
