using System.Net;
using System.Text.Json;

namespace Idaas.Callbacks.AspNetCore.Tests.Support;

/// <summary>Checks the problem details shape of a rejection.</summary>
internal static class ProblemAssertions
{
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, CallbackRejectionReason reason)
    {
        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");

        var problem = await TestCallbacks.ReadProblemAsync(response);
        problem.GetProperty("status").GetInt32().Should().Be((int)status);
        problem.GetProperty("title").GetString().Should().NotBeNullOrWhiteSpace();
        problem.GetProperty("detail").GetString().Should().NotBeNullOrWhiteSpace();
        problem.GetProperty("reason").GetString().Should().Be(reason.ToString());

        var text = problem.GetRawText();
        text.Should().NotContain(".cs:line", "a stack trace must never reach the sender");
        text.Should().NotContain("Exception");
        return problem;
    }

    public static void ShouldRetryAfter(this HttpResponseMessage response, int seconds)
        => response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(seconds));
}
