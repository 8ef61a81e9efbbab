using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Idaas.Callbacks.Testing.Scim.Internal;

/// <summary>Builds the provider's JSON and error responses.</summary>
internal static class ScimResponses
{
    public static ScimHttpResponse Json(int status, JsonNode body, string? etag = null)
    {
        var response = new ScimHttpResponse { Status = status, ContentType = ScimHttpResponse.ScimContentType, Body = body.ToJsonString() };
        if (etag is not null)
        {
            response.Headers["ETag"] = etag;
        }

        return response;
    }

    /// <summary>Writes an error in the schema of RFC 7644, section 3.12, or in the shape that <paramref name="faults"/> selects.</summary>
    public static ScimHttpResponse Error(int status, string? scimType, string detail, ScimFaults faults)
    {
        if (faults.NonJsonErrorBodies)
        {
            var reason = WebUtility.HtmlEncode(((HttpStatusCode)status).ToString());
            return new ScimHttpResponse
            {
                Status = status,
                ContentType = "text/html; charset=utf-8",
                Body = $"<!DOCTYPE html><html><head><title>{status} {reason}</title></head><body><h1>{status} {reason}</h1></body></html>",
            };
        }

        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.Error),
            ["status"] = faults.NumericErrorStatus ? JsonValue.Create(status) : JsonValue.Create(status.ToString(CultureInfo.InvariantCulture)),
        };
        if (scimType is not null)
        {
            body["scimType"] = faults.CapitalizedScimType ? char.ToUpperInvariant(scimType[0]) + scimType[1..] : scimType;
        }

        body["detail"] = detail;
        return Json(status, body);
    }

    public static ScimHttpResponse Error(ScimException exception, ScimFaults faults)
    {
        var response = Error(exception.Status, exception.ScimType, exception.Message, faults);
        if (exception.Challenge is not null)
        {
            response.Headers["WWW-Authenticate"] = exception.Challenge;
        }

        return response;
    }

    /// <summary>Returns whether an <c>If-Match</c> or <c>If-None-Match</c> header lists an entity tag, or is <c>*</c>.</summary>
    public static bool ListsTag(string header, string etag)
        => header.Split(',').Select(t => t.Trim()).Any(t => t == "*" || string.Equals(t, etag, StringComparison.Ordinal) || string.Equals("W/" + t, etag, StringComparison.Ordinal));
}
