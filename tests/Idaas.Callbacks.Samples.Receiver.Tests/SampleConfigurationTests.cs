using Idaas.Callbacks.Samples.Receiver.Tests.Support;

namespace Idaas.Callbacks.Samples.Receiver.Tests;

/// <summary>Invalid settings end the sample with a message and exit code 2, not a stack trace.</summary>
public sealed class SampleConfigurationTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        _database.Dispose();
    }

    private Task<int> RunAsync(params string[] args)
        => SampleApp.RunAsync([.. args, "--urls=http://127.0.0.1:0", $"--contentRoot={_database.Folder}", "--Logging:LogLevel:Default=None"], _output, _error);

    [Fact]
    public async Task Too_few_users_is_rejected()
    {
        var exitCode = await RunAsync("--Sample:Simulator:UserCount=100");

        exitCode.Should().Be(SampleApp.ConfigurationErrorExitCode);
        _error.ToString().Should().Contain("Sample:Simulator:UserCount is 100").And.Contain("at least 400");
        _output.ToString().Should().BeEmpty();
    }

    [Fact]
    public async Task Unknown_wire_format_is_rejected()
    {
        var exitCode = await RunAsync("--Sample:Simulator:WireFormat=Bogus");

        exitCode.Should().Be(SampleApp.ConfigurationErrorExitCode);
        _error.ToString().Should().StartWith("Invalid configuration:").And.Contain("Bogus");
        _error.ToString().Should().NotContain("   at ");
    }

    [Fact]
    public async Task Missing_key_source_is_rejected()
    {
        var exitCode = await RunAsync("--Idaas:ApplicationId=app_configtests", $"--Sample:DatabasePath={_database.DatabasePath}");

        exitCode.Should().Be(SampleApp.ConfigurationErrorExitCode);
        _error.ToString().Should().StartWith("Invalid configuration:").And.Contain("PublicKeyEndpoint");
        _error.ToString().Should().NotContain("   at ");
    }
}
