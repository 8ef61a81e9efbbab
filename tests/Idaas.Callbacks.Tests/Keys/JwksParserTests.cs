using Idaas.Callbacks.Keys.Internal;

namespace Idaas.Callbacks.Tests.Keys;

public sealed class JwksParserTests
{
    [Theory]
    [InlineData("<html><body>Bad gateway</body></html>")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"keys":"oops"}""")]
    [InlineData("""{"keys":{}}""")]
    [InlineData("""{"keys":null}""")]
    [InlineData("""{"keys":[],"keys":[]}""")]
    [InlineData("""{"keys":[""")]
    public void InvalidDocument_ReportsDocumentError(string json)
    {
        var result = JwksParser.Parse(json);

        result.DocumentError.Should().NotBeNullOrEmpty();
        result.Keys.Should().BeEmpty();
    }

    [Fact]
    public void EmptyKeysArray_IsValidWithoutKeys()
    {
        var result = JwksParser.Parse("""{"keys":[]}""");

        result.DocumentError.Should().BeNull();
        result.EntryCount.Should().Be(0);
        result.Keys.Should().BeEmpty();
    }

    [Fact]
    public void UnknownMembers_AreIgnored()
    {
        var entry = TestJwks.RsaEntry(TestRsaKeys.First, "k1");
        entry["x5t"] = "ignored";
        var json = TestJwks.Document(entry).Replace("{\"keys\"", "{\"issuer\":\"idaas\",\"keys\"", StringComparison.Ordinal);

        var result = JwksParser.Parse(json);

        result.Keys.Should().ContainSingle().Which.KeyId.Should().Be("k1");
    }
}
