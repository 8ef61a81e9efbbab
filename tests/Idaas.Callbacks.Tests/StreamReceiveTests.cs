using Idaas.Callbacks.Testing;
using Idaas.Callbacks.Tests.Support;

namespace Idaas.Callbacks.Tests;

public sealed class StreamReceiveTests : IDisposable
{
    private readonly CallbackHarness _harness = new();

    [Fact]
    public async Task Stream_body_is_accepted()
    {
        using var body = new MemoryStream(CallbackTokenSigner.CreateRequestBody(_harness.CreateToken()));

        var result = await _harness.Receiver.ReceiveAsync(body);

        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
    }

    [Fact]
    public async Task Body_in_small_chunks_is_accepted()
    {
        using var body = new ChunkedStream(CallbackTokenSigner.CreateRequestBody(_harness.CreateToken()), chunkSize: 7);

        var result = await _harness.Receiver.ReceiveAsync(body);

        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
    }

    [Fact]
    public async Task Huge_chunked_body_stops_at_limit()
    {
        using var body = new EndlessStream(totalBytes: 50L * 1024 * 1024, chunkSize: 8 * 1024);

        var result = await _harness.Receiver.ReceiveAsync(body);

        result.RejectionReason.Should().Be(CallbackRejectionReason.BodyTooLarge);
        result.StatusCode.Should().Be(413);
        result.RejectionMessage.Should().Contain("larger than");
        body.BytesRead.Should().BeLessThanOrEqualTo(IdaasCallbackOptions.DefaultMaxBodyBytes + 1);
    }

    [Fact]
    public async Task Body_at_limit_is_read_whole()
    {
        using var harness = new CallbackHarness(options => options.MaxBodyBytes = 4096);
        var token = harness.CreateToken();
        var padding = new string(' ', 4096 - CallbackTokenSigner.CreateRequestBody(token).Length);
        using var body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(CallbackTokenSigner.CreateRequestBody(token)) + padding));

        var result = await harness.Receiver.ReceiveAsync(body);

        body.Length.Should().Be(4096);
        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
    }

    public void Dispose() => _harness.Dispose();

    /// <summary>Returns at most <c>chunkSize</c> bytes per read, as a chunked request body does.</summary>
    private sealed class ChunkedStream(byte[] content, int chunkSize) : MemoryStream(content)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => base.ReadAsync(buffer[..Math.Min(buffer.Length, chunkSize)], cancellationToken);
    }

    /// <summary>Produces <c>totalBytes</c> of JSON-looking text and counts what the reader took.</summary>
    private sealed class EndlessStream(long totalBytes, int chunkSize) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = (int)Math.Min(Math.Min(buffer.Length, chunkSize), totalBytes - BytesRead);
            buffer[..count].Fill((byte)'a');
            BytesRead += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
