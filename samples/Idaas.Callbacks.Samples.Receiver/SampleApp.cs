using Idaas.Callbacks.AspNetCore;
using Idaas.Callbacks.Samples.Receiver.Directory;
using Idaas.Callbacks.Samples.Receiver.Handlers;
using Idaas.Callbacks.Samples.Receiver.Simulation;
using Microsoft.Extensions.Options;

namespace Idaas.Callbacks.Samples.Receiver;

/// <summary>Builds and runs the sample receiver, against real IDaaS or the embedded simulator.</summary>
public static class SampleApp
{
    /// <summary>The configuration section with the <see cref="IdaasCallbackOptions"/> values.</summary>
    public const string IdaasSectionName = "Idaas";

    /// <summary>The path of the callback endpoint, the synchronization receiving address to configure in IDaaS.</summary>
    public const string CallbackPath = "/idaas/callbacks";

    /// <summary>The exit code for invalid settings, such as a missing Public Key Endpoint or an unknown wire format.</summary>
    public const int ConfigurationErrorExitCode = 2;

    /// <summary>
    /// Runs the sample: a receiver that serves until the host stops when <c>Idaas:ApplicationId</c> is set, or
    /// otherwise the simulator run, which prints its summary to <paramref name="output"/>.
    /// </summary>
    /// <param name="args">The command-line arguments, which may set any configuration key.</param>
    /// <param name="output">Where the simulator run writes its summary.</param>
    /// <param name="error">Where a configuration error is written, or <see langword="null"/> for <see cref="Console.Error"/>.</param>
    /// <returns>
    /// The exit code: 0; 1 when the simulator run finds the directories different; or
    /// <see cref="ConfigurationErrorExitCode"/> when the settings are invalid.
    /// </returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(output);

        try
        {
            var builder = WebApplication.CreateBuilder(args);
            if (!IsIdaasConfigured(builder.Configuration))
            {
                var result = await SimulatorRun.RunAsync(builder, output).ConfigureAwait(false);
                return result.ExitCode;
            }

            await using var app = Build(builder);
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception exception) when (exception is OptionsValidationException or SampleConfigurationException)
        {
            // A settings mistake gets its message, not a stack trace.
            await (error ?? Console.Error).WriteLineAsync($"Invalid configuration: {exception.Message}").ConfigureAwait(false);
            return ConfigurationErrorExitCode;
        }
    }

    /// <summary>Returns whether the configuration names an IDaaS application, which selects the real receiver mode.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns><see langword="true"/> when <c>Idaas:ApplicationId</c> is set.</returns>
    public static bool IsIdaasConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[$"{IdaasSectionName}:{nameof(IdaasCallbackOptions.ApplicationId)}"]);
    }

    /// <summary>
    /// Registers the callback services, the directory handlers and the store, builds the app, creates the database
    /// and maps the callback and directory endpoints.
    /// </summary>
    /// <param name="builder">The builder, with the IDaaS settings in its configuration.</param>
    /// <param name="databasePath">The SQLite file, or <see langword="null"/> for <see cref="SampleOptions.DatabasePath"/>.</param>
    /// <param name="configureCallbacks">Adds more to the callback services, such as a test helper, or <see langword="null"/>.</param>
    /// <returns>The app, not yet started.</returns>
    public static WebApplication Build(WebApplicationBuilder builder, string? databasePath = null, Action<IdaasCallbacksBuilder>? configureCallbacks = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var sampleOptions = GetSampleOptions(builder.Configuration);
        var path = Path.GetFullPath(databasePath ?? sampleOptions.DatabasePath, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(new DirectoryStore(path));
        builder.Services.AddSingleton<HandledEventCounter>();

        var callbacks = builder.Services
            .AddIdaasCallbacks(builder.Configuration.GetSection(IdaasSectionName))
            .AddHandler<UserEventHandler>()
            .AddHandler<OrganizationalUnitEventHandler>()
            .AddHandler<GroupEventHandler>()
            .AddHandler<TestEventHandler>();

        // The store orders every row by event time, so member events of a group that the dispatcher marks stale
        // still reach the group handler.
        builder.Services.Configure<IdaasCallbackOptions>(options => options.Dispatcher.StaleEventPolicy = StaleEventPolicy.Deliver);
        configureCallbacks?.Invoke(callbacks);

        var app = builder.Build();

        // Validates the IDaaS settings now, so a mistake ends the run with one message instead of a failed host start.
        _ = app.Services.GetRequiredService<IOptions<IdaasCallbackOptions>>().Value;
        app.Services.GetRequiredService<DirectoryStore>().Initialize();
        app.MapIdaasCallbacks(CallbackPath);
        app.MapDirectoryEndpoints();
        return app;
    }

    internal static SampleOptions GetSampleOptions(IConfiguration configuration)
    {
        var options = new SampleOptions();
        try
        {
            configuration.GetSection(SampleOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            // The binder reports a value it cannot convert, such as an unknown wire format, in the inner exception.
            throw new SampleConfigurationException($"{exception.Message} {exception.InnerException?.Message}".Trim(), exception);
        }

        if (options.Simulator.UserCount < SimulatorRunOptions.MinUserCount)
        {
            throw new SampleConfigurationException(
                $"Sample:Simulator:UserCount is {options.Simulator.UserCount}; the scenario needs at least {SimulatorRunOptions.MinUserCount} accounts.");
        }

        return options;
    }
}
