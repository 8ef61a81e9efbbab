using Idaas.Callbacks.AspNetCore;
using Idaas.Callbacks.Samples.Receiver.Directory;
using Idaas.Callbacks.Samples.Receiver.Handlers;
using Idaas.Callbacks.Samples.Receiver.Reconciliation;
using Idaas.Callbacks.Samples.Receiver.Simulation;
using Idaas.Callbacks.Scim;
using Microsoft.Extensions.Options;

namespace Idaas.Callbacks.Samples.Receiver;

/// <summary>Builds and runs the sample receiver, against real IDaaS or the embedded simulator.</summary>
public static class SampleApp
{
    /// <summary>The configuration section with the <see cref="IdaasCallbackOptions"/> values.</summary>
    public const string IdaasSectionName = "Idaas";

    /// <summary>The path of the callback endpoint, the synchronization receiving address to configure in IDaaS.</summary>
    public const string CallbackPath = "/idaas/callbacks";

    /// <summary>The configuration section with the <see cref="ScimClientOptions"/> values, under <see cref="IdaasSectionName"/>.</summary>
    public const string ScimSectionName = "Idaas:Scim";

    /// <summary>The command-line switch that runs one reconcile in real mode, prints the report and exits.</summary>
    public const string ReconcileSwitch = "--reconcile";

    /// <summary>The exit code for invalid settings, such as a missing Public Key Endpoint or an unknown wire format.</summary>
    public const int ConfigurationErrorExitCode = 2;

    /// <summary>The exit code of <see cref="ReconcileSwitch"/> when a SCIM request failed.</summary>
    public const int ReconcileFailedExitCode = 3;

    /// <summary>
    /// Runs the sample: a receiver that serves until the host stops when <c>Idaas:ApplicationId</c> is set, or
    /// otherwise the simulator run, which prints its summary to <paramref name="output"/>. With
    /// <see cref="ReconcileSwitch"/> in real mode, it runs one reconcile instead, prints the report and exits.
    /// </summary>
    /// <param name="args">The command-line arguments, which may set any configuration key, and <see cref="ReconcileSwitch"/>.</param>
    /// <param name="output">Where the simulator run writes its summary and a reconcile its report.</param>
    /// <param name="error">Where a configuration error is written, or <see langword="null"/> for <see cref="Console.Error"/>.</param>
    /// <returns>
    /// The exit code: 0; 1 when the simulator run finds the directories different; or
    /// <see cref="ConfigurationErrorExitCode"/> when the settings are invalid; or
    /// <see cref="ReconcileFailedExitCode"/> when a reconcile's SCIM request failed.
    /// </returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);

        // The switch has no value, so it is taken out before the command-line configuration provider reads the rest.
        var reconcileOnce = args.Contains(ReconcileSwitch, StringComparer.Ordinal);
        var configurationArgs = args.Where(arg => !string.Equals(arg, ReconcileSwitch, StringComparison.Ordinal)).ToArray();
        error ??= Console.Error;
        try
        {
            var builder = WebApplication.CreateBuilder(configurationArgs);
            if (!IsIdaasConfigured(builder.Configuration))
            {
                // The simulator run always reconciles, so the switch changes nothing there.
                var result = await SimulatorRun.RunAsync(builder, output).ConfigureAwait(false);
                return result.ExitCode;
            }

            await using var app = Build(builder);
            if (reconcileOnce)
            {
                return await ReconcileOnceAsync(app, output, error).ConfigureAwait(false);
            }

            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception exception) when (exception is OptionsValidationException or SampleConfigurationException)
        {
            // A settings mistake gets its message, not a stack trace. SCIM messages name option properties, so the
            // hint names the configuration keys that set them.
            var hint = exception is OptionsValidationException { OptionsType: var type } && type == typeof(ScimClientOptions)
                ? $" Set the SCIM client under {ScimSectionName}; without {ScimSectionName}:ClientCredentials:TokenEndpoint, the token endpoint comes from {IdaasSectionName}:InstanceId and {IdaasSectionName}:ApplicationId."
                : string.Empty;
            await error.WriteLineAsync($"Invalid configuration: {exception.Message}{hint}").ConfigureAwait(false);
            return ConfigurationErrorExitCode;
        }
    }

    /// <summary>Returns whether the configuration sets <c>Idaas:Scim:BaseAddress</c>, which enables the SCIM client and reconcile.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns><see langword="true"/> when the SCIM base address is set.</returns>
    public static bool IsScimConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[$"{ScimSectionName}:{nameof(ScimClientOptions.BaseAddress)}"]);
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
    /// and maps the callback and directory endpoints. When <see cref="IsScimConfigured"/>, also registers the SCIM
    /// client from <see cref="ScimSectionName"/> and <see cref="DirectoryReconciler"/>, and maps
    /// <c>POST /directory/reconcile</c>.
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

        var scimConfigured = IsScimConfigured(builder.Configuration);
        if (scimConfigured)
        {
            builder.Services.AddSampleScimClient(builder.Configuration);
            builder.Services.AddSingleton<DirectoryReconciler>();
        }

        var app = builder.Build();

        // Validates the IDaaS settings now, so a mistake ends the run with one message instead of a failed host start.
        _ = app.Services.GetRequiredService<IOptions<IdaasCallbackOptions>>().Value;
        app.Services.GetRequiredService<DirectoryStore>().Initialize();
        app.MapIdaasCallbacks(CallbackPath);
        app.MapDirectoryEndpoints();
        if (scimConfigured)
        {
            app.MapReconcileEndpoint();
        }

        return app;
    }

    /// <summary>Runs one reconcile without starting the server, and writes the report.</summary>
    private static async Task<int> ReconcileOnceAsync(WebApplication app, TextWriter output, TextWriter error)
    {
        if (app.Services.GetService<DirectoryReconciler>() is not { } reconciler)
        {
            throw new SampleConfigurationException(
                $"{ReconcileSwitch} needs the SCIM client: set {ScimSectionName}:BaseAddress and either {ScimSectionName}:BearerToken or {ScimSectionName}:ClientCredentials:ClientId and ClientSecret.");
        }

        DirectoryReconcileReport report;
        try
        {
            report = await reconciler.ReconcileAsync(cancellationToken: app.Lifetime.ApplicationStopping).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ScimException or HttpRequestException)
        {
            // The log has the details; the exception message may name the service provider's URL but no secret.
            await error.WriteLineAsync($"Reconcile failed: {exception.Message}").ConfigureAwait(false);
            return ReconcileFailedExitCode;
        }

        await output.WriteLineAsync($"reconcile: {report.ScimUsers} users and {report.ScimGroups} groups read through SCIM; {report.FormatCounts()}").ConfigureAwait(false);
        foreach (var change in report.Changes)
        {
            await output.WriteLineAsync("  " + change.Format()).ConfigureAwait(false);
        }

        await output.FlushAsync().ConfigureAwait(false);
        return 0;
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
