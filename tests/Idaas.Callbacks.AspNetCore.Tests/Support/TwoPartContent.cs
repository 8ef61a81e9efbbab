using System.Net;
using System.Net.Http.Headers;

namespace Idaas.Callbacks.AspNetCore.Tests.Support;

/// <summary>
/// A chunked body sent in two parts with a pause between them, so that the server's first read returns only
/// the first part.
/// </summary>
internal sealed class TwoPartContent : HttpContent
{
    private readonly byte[] _body;
    private readonly int _firstPartLength;

    public TwoPartContent(byte[] body, int firstPartLength)
    {
        _body = body;
        _firstPartLength = firstPartLength;
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(_body.AsMemory(0, _firstPartLength));
        await stream.FlushAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        await stream.WriteAsync(_body.AsMemory(_firstPartLength));
    }

    // An unknown length makes HttpClient send the body chunked.
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
