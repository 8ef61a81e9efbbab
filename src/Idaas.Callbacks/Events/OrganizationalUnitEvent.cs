namespace Idaas.Callbacks.Events;

/// <summary>An event about an organizational unit, with the unit record IDaaS sent.</summary>
public abstract record OrganizationalUnitEvent : IdaasEvent
{
    /// <summary>Gets the organizational-unit record, which may hold only some members.</summary>
    public required IdaasOrganizationalUnit OrganizationalUnit { get; init; }
}
