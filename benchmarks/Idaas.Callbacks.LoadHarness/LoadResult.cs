using System.Globalization;

namespace Idaas.Callbacks.LoadHarness;

/// <summary>The requests of one load run and their latencies.</summary>
internal sealed record LoadResult(string Name, int Requests, int Failures, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public double Percentile(double percentile)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var index = (int)Math.Ceiling(percentile / 100 * LatenciesMs.Length) - 1;
        return LatenciesMs[Math.Clamp(index, 0, LatenciesMs.Length - 1)];
    }

    public string ToMarkdownRow(double baselineRequestsPerSecond) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Name} | {Requests} | {Failures} | {RequestsPerSecond:F0} | {RequestsPerSecond / baselineRequestsPerSecond:F2} | {Percentile(50):F2} | {Percentile(90):F2} | {Percentile(99):F2} |");
}
