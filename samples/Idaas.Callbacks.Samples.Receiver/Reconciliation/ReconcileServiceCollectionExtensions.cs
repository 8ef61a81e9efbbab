using Idaas.Callbacks.Scim;

namespace Idaas.Callbacks.Samples.Receiver.Reconciliation;

/// <summary>Registers the SCIM client of the sample from its configuration.</summary>
public static class ReconcileServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SDK's SCIM client with the options under <see cref="SampleApp.ScimSectionName"/>. Client
    /// credentials without <c>InstanceId</c> or <c>ApplicationId</c> take them from <c>Idaas:InstanceId</c> and
    /// <c>Idaas:ApplicationId</c>, which derives the token endpoint on the SCIM host.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The app's configuration root.</param>
    /// <returns>The builder of the SCIM client's HTTP client.</returns>
    public static IHttpClientBuilder AddSampleScimClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        return services.AddIdaasScimClient(options =>
        {
            configuration.GetSection(SampleApp.ScimSectionName).Bind(options);
            if (options.ClientCredentials is { } credentials)
            {
                credentials.InstanceId ??= configuration[$"{SampleApp.IdaasSectionName}:{nameof(IdaasCallbackOptions.InstanceId)}"];
                credentials.ApplicationId ??= configuration[$"{SampleApp.IdaasSectionName}:{nameof(IdaasCallbackOptions.ApplicationId)}"];
            }
        });
    }
}
