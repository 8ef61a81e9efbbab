using System.Text;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Testing;

namespace Idaas.Callbacks.Tests.Events;

/// <summary>Shared inputs for the decoder tests.</summary>
internal static class DecoderTestData
{
    public const string InstanceId = "idaas_simtenant01";

    public static readonly SyncEventContext Context = new(InstanceId, "app_simapp01", "jti-0001");

    public static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeMilliseconds(1767225599123);

    public static SyncEventBuilder NewBuilder() => new(InstanceId);

    /// <summary>Decodes a batch holding one event of the given type and bizData JSON.</summary>
    public static SyncEventDecodingResult DecodeSingle(string eventType, string bizDataJson, string bizId = "user_0001")
    {
        var businessData = NewBuilder().AddEvent("evnt_0001", eventType, Time, bizId, bizDataJson).ToUtf8Json();
        return SyncEventDecoder.Decode(businessData, Context);
    }

    public static SyncEventDecodingResult Decode(string businessDataJson)
        => SyncEventDecoder.Decode(Encoding.UTF8.GetBytes(businessDataJson), Context);
}
