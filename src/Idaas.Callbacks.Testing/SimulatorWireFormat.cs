namespace Idaas.Callbacks.Testing;

/// <summary>The field names and value types the simulator writes into <c>bizData</c>.</summary>
public enum SimulatorWireFormat
{
    /// <summary>
    /// The names of IDaaS SDK 1.1 (<c>userExternalId</c>, <c>organizationalUnitName</c>, <c>updateTime</c>, …),
    /// times as JSON numbers, and the complete record on every event, including deletes.
    /// </summary>
    Current,

    /// <summary>
    /// The names seen in 2022 callbacks (<c>externalId</c>, <c>name</c>, <c>lastUpdatedTime</c>,
    /// <c>organizationalUnits</c>, no <c>primaryOrganizationalUnitId</c>), times as strings of digits, and a
    /// delete that carries only the object id, such as <c>{"userId":"user_…"}</c>.
    /// </summary>
    Legacy2022,
}
