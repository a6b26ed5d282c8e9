using System.Diagnostics;
using System.Text;

namespace Linkage.Tests.Nightly;

/// <summary>
/// The built <c>linkage</c> tool run as a real child process, as a scheduler runs it: its own process, its own
/// file locks and database connections, killable with SIGKILL. Output (the JSON logs) is captured whole.
/// </summary>
internal sealed class LinkageProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private LinkageProcess(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "linkage.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static LinkageProcess Start(params string[] arguments) => new(arguments);

    /// <summary>Starts with these environment variables set on top of the test's own.</summary>
    public static LinkageProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments) => new(arguments, environment);

    /// <summary>Runs to the end and returns the exit code and everything it wrote.</summary>
    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        using var process = Start(arguments);
        return (process.WaitForExit(TimeSpan.FromMinutes(2)), process.Output);
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"linkage did not exit within {timeout}; output:\n{Output}");
        }
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no handler runs, no transaction commits, exactly what the OOM killer or a node loss does.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, what systemd and Kubernetes send to stop a service.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
