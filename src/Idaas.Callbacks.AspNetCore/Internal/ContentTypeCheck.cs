namespace Idaas.Callbacks.AspNetCore.Internal;

/// <summary>The outcome of <see cref="CallbackContentType.Check"/>.</summary>
internal enum ContentTypeCheck
{
    /// <summary>An <c>application/json</c> media type, any case and parameters, in UTF-8.</summary>
    Json,

    /// <summary>No header, or <c>text/plain</c> in UTF-8: the body is read as JSON and a warning is logged.</summary>
    Lenient,

    /// <summary>Any other media type, or a header that does not parse: rejected with 415.</summary>
    NotJson,

    /// <summary>A charset other than UTF-8: rejected with 415.</summary>
    NotUtf8,
}
