using System.Buffers;
using System.Text;
using System.Text.Json;
using Idaas.Callbacks.Acknowledgement;

namespace Idaas.Callbacks.Tests.Acknowledgement;

public class CallbackAcknowledgementTests
{
    [Fact]
    public void Empty_WritesAllFourLists()
    {
        var json = Encoding.UTF8.GetString(new CallbackAcknowledgement().ToUtf8Json());

        json.Should().Be("""{"successEvents":[],"skippedEvents":[],"failedEvents":[],"retriedEvents":[]}""");
    }

    [Fact]
    public void DefaultCodes_WriteExactJson()
    {
        var acknowledgement = new CallbackAcknowledgement();
        acknowledgement.AddSuccess("evnt_1");
        acknowledgement.AddSkipped("evnt_2");
        acknowledgement.AddFailed("evnt_3");
        acknowledgement.AddRetried("evnt_4");

        var json = Encoding.UTF8.GetString(acknowledgement.ToUtf8Json());

        json.Should().Be("""
            {"successEvents":[{"eventId":"evnt_1","eventCode":"SUCCESS","eventMessage":"SUCCESS"}],
            "skippedEvents":[{"eventId":"evnt_2","eventCode":"auto_skipped","eventMessage":"auto_skipped"}],
            "failedEvents":[{"eventId":"evnt_3","eventCode":"failed","eventMessage":"failed"}],
            "retriedEvents":[{"eventId":"evnt_4","eventCode":"exception","eventMessage":"exception"}]}
            """.ReplaceLineEndings(string.Empty));
    }

    [Fact]
    public void CustomCodes_KeepOrderWithinList()
    {
        var acknowledgement = new CallbackAcknowledgement();
        acknowledgement.AddFailed("evnt_b", "invalid_data", "The bizData member is missing.");
        acknowledgement.AddFailed("evnt_a", "unknown_user");

        var json = Encoding.UTF8.GetString(acknowledgement.ToUtf8Json());

        json.Should().Be("""
            {"successEvents":[],"skippedEvents":[],"failedEvents":[
            {"eventId":"evnt_b","eventCode":"invalid_data","eventMessage":"The bizData member is missing."},
            {"eventId":"evnt_a","eventCode":"unknown_user","eventMessage":"unknown_user"}],"retriedEvents":[]}
            """.ReplaceLineEndings(string.Empty));
    }

    [Fact]
    public void SameIdTwice_Throws()
    {
        var acknowledgement = new CallbackAcknowledgement();
        acknowledgement.AddSuccess("evnt_1");

        var addToOtherList = () => acknowledgement.AddRetried("evnt_1");
        var addToSameList = () => acknowledgement.AddSuccess("evnt_1");

        addToOtherList.Should().Throw<InvalidOperationException>().WithMessage("*evnt_1*");
        addToSameList.Should().Throw<InvalidOperationException>();
        acknowledgement.Count.Should().Be(1);
        acknowledgement.RetriedEvents.Should().BeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void MissingEventId_Throws(string? eventId)
    {
        var add = () => new CallbackAcknowledgement().AddSuccess(eventId!);

        add.Should().Throw<ArgumentException>().WithParameterName(nameof(eventId));
    }

    [Fact]
    public void Lists_ShowAddedResults()
    {
        var acknowledgement = new CallbackAcknowledgement();
        acknowledgement.AddSkipped("evnt_1", eventMessage: "No handler for this type.");

        acknowledgement.SkippedEvents.Should().Equal(new EventResult("evnt_1", "auto_skipped", "No handler for this type."));
        acknowledgement.SuccessEvents.Should().BeEmpty();
        acknowledgement.Contains("evnt_1").Should().BeTrue();
        acknowledgement.Contains("evnt_2").Should().BeFalse();
    }

    [Fact]
    public void WriteTo_MatchesToUtf8Json()
    {
        var acknowledgement = new CallbackAcknowledgement();
        acknowledgement.AddSuccess("evnt_1");
        var buffer = new ArrayBufferWriter<byte>();

        acknowledgement.WriteTo(buffer);

        buffer.WrittenSpan.ToArray().Should().Equal(acknowledgement.ToUtf8Json());
    }

    [Fact]
    public void NonAsciiMessage_RoundTrips()
    {
        const string Message = "用户不存在 \"quoted\" <tag>";
        var acknowledgement = new CallbackAcknowledgement();
        acknowledgement.AddFailed("evnt_1", eventMessage: Message);

        using var document = JsonDocument.Parse(acknowledgement.ToUtf8Json());

        document.RootElement.GetProperty("failedEvents")[0].GetProperty("eventMessage").GetString().Should().Be(Message);
    }
}
