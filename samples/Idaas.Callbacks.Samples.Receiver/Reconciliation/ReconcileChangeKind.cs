using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Samples.Receiver.Reconciliation;

/// <summary>The kind of a repair that a reconcile made to the local directory.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReconcileChangeKind>))]
public enum ReconcileChangeKind
{
    /// <summary>An account that IDaaS has and the local directory did not.</summary>
    UserAdded,

    /// <summary>An account whose SCIM fields differed.</summary>
    UserUpdated,

    /// <summary>An account that the local directory had and IDaaS no longer has, now a tombstone.</summary>
    UserRemoved,

    /// <summary>A group that IDaaS has and the local directory did not.</summary>
    GroupAdded,

    /// <summary>A group whose name differed.</summary>
    GroupUpdated,

    /// <summary>A group that the local directory had and IDaaS no longer has, now a tombstone.</summary>
    GroupRemoved,

    /// <summary>An account that is a member of a group in IDaaS but not locally.</summary>
    MemberAdded,

    /// <summary>An account that is a member of a group locally but not in IDaaS.</summary>
    MemberRemoved,
}
