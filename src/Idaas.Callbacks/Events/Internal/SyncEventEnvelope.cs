namespace Idaas.Callbacks.Events.Internal;

/// <summary>The envelope members of the business data, each <see langword="null"/> when absent.</summary>
internal struct SyncEventEnvelope
{
    public string? InstanceId { get; set; }

    public string? AliUid { get; set; }

    public string? EventVersion { get; set; }
}
