using System.Globalization;

namespace CxSpark.Processes.Tests;

public sealed class ChildProcessTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RunAsync_BothStreamsAndExitCode_CapturedAsWrittenAndCombinedInLines()
    {
        ProcessResult result = await ChildProcess.RunAsync(Bash("echo out; echo err >&2; printf 'a\\r\\nb\\rpartial'; exit 3"), s_timeout);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("out\na\r\nb\rpartial", result.Stdout);
        Assert.Equal("err\n", result.Stderr);
        Assert.Equal(["a", "b", "err", "out", "partial"], result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.Equal("exit 3; output:\n" + result.Output, result.ToString());
    }

    [Fact]
    public async Task RunAsync_LineObservers_SeeEachLineOfTheirStream()
    {
        var stdout = new List<string>();
        var stderr = new List<string>();
        ChildProcessOptions options = Bash("printf 'one\\r\\ntwo\\n'; echo three >&2; printf four") with
        {
            StdoutLine = stdout.Add,
            StderrLine = stderr.Add,
        };

        await ChildProcess.RunAsync(options, s_timeout);

        Assert.Equal(["one", "two", "four"], stdout);
        Assert.Equal(["three"], stderr);
    }

    [Fact]
    public async Task RunAsync_EnvironmentUnsetAndWorkingDirectory_AppliedToTheChild()
    {
        const string Inherited = "CXSPARK_PROCESSES_TEST_INHERITED";
        Environment.SetEnvironmentVariable(Inherited, "from-parent");
        string folder = Directory.CreateTempSubdirectory("cxspark-processes-").FullName;
        ChildProcessOptions options = Bash($"printf '%s|%s|%s' \"$ADDED\" \"${{{Inherited}-unset}}\" \"$PWD\"") with
        {
            WorkingDirectory = folder,
            Environment = new Dictionary<string, string> { ["ADDED"] = "added" },
            Unset = [Inherited],
        };

        ProcessResult result = await ChildProcess.RunAsync(options, s_timeout);

        Assert.Equal($"added|unset|{folder}", result.Stdout);
        Directory.Delete(folder);
    }

    [Fact]
    public async Task WaitAsync_Timeout_KillsTheProcessTreeAndThrowsWithTheOutput()
    {
        var grandchild = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        ChildProcessOptions options = Bash("sleep 300 & echo $!; wait") with
        {
            StdoutLine = line => grandchild.TrySetResult(int.Parse(line, CultureInfo.InvariantCulture)),
        };
        await using ChildProcess child = ChildProcess.Start(options);
        int sleeper = await grandchild.Task.WaitAsync(s_timeout);

        TimeoutException timeout = await Assert.ThrowsAsync<TimeoutException>(() => child.WaitAsync(TimeSpan.FromSeconds(1)));

        Assert.Contains("did not exit within 00:00:01", timeout.Message, StringComparison.Ordinal);
        Assert.Contains(sleeper.ToString(CultureInfo.InvariantCulture), timeout.Message, StringComparison.Ordinal);
        Assert.True(await GoneAsync(sleeper), $"the grandchild {sleeper} outlived the timeout");
    }

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("KILL", 137)]
    public async Task Signal_RunningProcess_EndsItWith128PlusTheSignal(string signal, int exitCode)
    {
        await using ChildProcess child = ChildProcess.Start(new ChildProcessOptions("sleep", ["300"]));

        Assert.True(child.Signal(signal));
        ProcessResult result = await child.WaitAsync(s_timeout);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.False(child.Signal(signal));
    }

    [Fact]
    public async Task DisposeAsync_RunningProcess_KillsIt()
    {
        ChildProcess child = ChildProcess.Start(new ChildProcessOptions("sleep", ["300"]));
        int id = child.Id;

        await child.DisposeAsync();

        Assert.True(await GoneAsync(id), $"process {id} outlived DisposeAsync");
    }

    private static ChildProcessOptions Bash(string script) => new("bash", ["-c", script]);

    /// <summary>Waits up to 10 s for a process to disappear (a killed grandchild is reaped by init).</summary>
    private static async Task<bool> GoneAsync(int pid)
    {
        for (int i = 0; i < 100; i++)
        {
            try
            {
                if (File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] == "Z")
                {
                    return true;
                }
            }
            catch (IOException)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
