using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Idaas.Callbacks.AspNetCore.Tests.Support;

/// <summary>
/// Sends one HTTP/1.1 POST over a plain socket and reads the response while the body is still going out. A
/// server that rejects an oversized body responds early and closes the connection, which makes
/// <see cref="HttpClient"/> report the failed write instead of the response.
/// </summary>
internal static class RawHttpClient
{
    /// <summary>Posts <paramref name="bodyLength"/> bytes of spaces and returns the raw response text.</summary>
    public static async Task<string> PostAsync(Uri baseAddress, string path, int bodyLength, bool chunked)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port, timeout.Token);
        var stream = client.GetStream();

        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"POST {path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nContent-Type: application/json\r\n")
            .Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {bodyLength}\r\n")
            .Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), timeout.Token);

        var reading = ReadResponseAsync(stream, timeout.Token);
        await WriteBodyAsync(stream, bodyLength, chunked, reading, timeout.Token);
        return await reading;
    }

    private static async Task WriteBodyAsync(NetworkStream stream, int bodyLength, bool chunked, Task response, CancellationToken cancellationToken)
    {
        var chunk = new byte[64 * 1024];
        chunk.AsSpan().Fill((byte)' ');
        try
        {
            for (var sent = 0; sent < bodyLength && !response.IsCompleted; sent += chunk.Length)
            {
                var size = Math.Min(chunk.Length, bodyLength - sent);
                if (chunked)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(size.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), cancellationToken);
                }

                await stream.WriteAsync(chunk.AsMemory(0, size), cancellationToken);
                if (chunked)
                {
                    await stream.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
                }
            }

            if (chunked && !response.IsCompleted)
            {
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken);
            }
        }
        catch (IOException)
        {
            // The server closed the connection after its response, which is what the test checks.
        }
    }

    private static async Task<string> ReadResponseAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                received.Write(buffer, 0, read);
                if (IsComplete(received))
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
            // A reset after the response arrived still leaves the response in the buffer.
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }

    // The problem details body is a single JSON object, so its closing brace ends the response.
    private static bool IsComplete(MemoryStream received)
    {
        var text = Encoding.UTF8.GetString(received.GetBuffer(), 0, (int)received.Length);
        var bodyStart = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return bodyStart >= 0 && text.IndexOf('}', bodyStart) >= 0;
    }
}
