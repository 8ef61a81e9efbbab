using System.Diagnostics;
using System.Diagnostics.Metrics;
using Idaas.Callbacks.Internal;

namespace Idaas.Callbacks.Scim.Internal;

/// <summary>
/// The SCIM client's instruments on the <c>Idaas.Callbacks</c> meter, one measurement per HTTP attempt, retries
/// included. Tags carry the method, status code and error type, never paths, ids, filters or tokens.
/// </summary>
internal sealed class ScimClientMetrics : IDisposable
{
    private const string MethodTag = "http.request.method";
    private const string StatusCodeTag = "http.response.status_code";
    private const string ErrorTypeTag = "error.type";

    // Set only when no IMeterFactory is given, because a factory disposes the meters it created.
    private readonly Meter? _ownedMeter;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;

    public ScimClientMetrics(IMeterFactory? meterFactory)
    {
        Meter meter;
        if (meterFactory is null)
        {
            _ownedMeter = new Meter(IdaasCallbacksMetrics.MeterName);
            meter = _ownedMeter;
        }
        else
        {
            meter = meterFactory.Create(IdaasCallbacksMetrics.MeterName);
        }

        _requests = meter.CreateCounter<long>("idaas.scim.requests", "{request}", "HTTP requests the SCIM client sent, retries included, by method, status code and error type.");
        _duration = meter.CreateHistogram<double>("idaas.scim.request.duration", "s", "The duration of one SCIM HTTP request, from sending it to reading the whole response body.");
    }

    /// <param name="method">The HTTP method.</param>
    /// <param name="statusCode">The response status, or <see langword="null"/> when no response arrived.</param>
    /// <param name="errorType">The status code for HTTP 400 and above, the exception type without a response, or <see langword="null"/> on success.</param>
    /// <param name="duration">The duration of the attempt.</param>
    public void RecordRequest(string method, int? statusCode, string? errorType, TimeSpan duration)
    {
        var tags = new TagList { { MethodTag, method } };
        if (statusCode is { } status)
        {
            tags.Add(StatusCodeTag, status);
        }

        if (errorType is not null)
        {
            tags.Add(ErrorTypeTag, errorType);
        }

        _requests.Add(1, tags);
        _duration.Record(duration.TotalSeconds, tags);
    }

    public void Dispose() => _ownedMeter?.Dispose();
}
