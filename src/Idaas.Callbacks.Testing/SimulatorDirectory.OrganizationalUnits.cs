using Idaas.Callbacks.Events;
using Idaas.Callbacks.Testing.Internal;

namespace Idaas.Callbacks.Testing;

// Organizational-unit operations.
public sealed partial class SimulatorDirectory
{
    /// <summary>Creates an organizational unit and emits <see cref="IdaasEventTypes.OrganizationalUnitCreated"/>.</summary>
    /// <param name="name">The display name.</param>
    /// <param name="parentId">The parent unit, or <see langword="null"/> for the root.</param>
    /// <param name="description">The description, or <see langword="null"/> for none.</param>
    /// <returns>The new <c>ou_</c> id and the emitted events.</returns>
    /// <exception cref="KeyNotFoundException">The parent does not exist.</exception>
    public SimulatorChange CreateOrganizationalUnit(string name, string? parentId = null, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        lock (_lock)
        {
            var parent = GetUnit(parentId ?? RootOrganizationalUnitId);
            var now = NowMilliseconds();
            var unit = new OrganizationalUnitRecord
            {
                OrganizationalUnitId = SimulatorIds.CreateOrganizationalUnitId(),
                Sequence = _sequence++,
                Name = name,
                ParentId = parent.OrganizationalUnitId,
                Description = description,
                CreateTime = now,
                UpdateTime = now,
            };
            _units.Add(unit.OrganizationalUnitId, unit);
            return EmitUnit(IdaasEventTypes.OrganizationalUnitCreated, unit);
        }
    }

    /// <summary>Changes the name or description and emits <see cref="IdaasEventTypes.OrganizationalUnitUpdated"/>.</summary>
    /// <param name="organizationalUnitId">The unit id.</param>
    /// <param name="name">The new name, or <see langword="null"/> to keep it.</param>
    /// <param name="description">The new description, or <see langword="null"/> to keep it.</param>
    /// <returns>The unit id and the emitted events.</returns>
    /// <exception cref="KeyNotFoundException">The unit does not exist.</exception>
    public SimulatorChange UpdateOrganizationalUnit(string organizationalUnitId, string? name = null, string? description = null)
    {
        lock (_lock)
        {
            var unit = GetUnit(organizationalUnitId);
            unit.Name = name ?? unit.Name;
            unit.Description = description ?? unit.Description;
            unit.UpdateTime = NowMilliseconds();
            return EmitUnit(IdaasEventTypes.OrganizationalUnitUpdated, unit);
        }
    }

    /// <summary>Moves a unit under another parent and emits <see cref="IdaasEventTypes.OrganizationalUnitMoved"/>.</summary>
    /// <exception cref="KeyNotFoundException">The unit or the new parent does not exist.</exception>
    /// <exception cref="InvalidOperationException">The unit is the root, or the new parent is the unit itself or one of its descendants.</exception>
    public SimulatorChange MoveOrganizationalUnit(string organizationalUnitId, string newParentId)
    {
        lock (_lock)
        {
            var unit = GetUnit(organizationalUnitId);
            var parent = GetUnit(newParentId);
            ThrowIfRoot(unit);
            for (var ancestor = parent; ancestor is not null; ancestor = ancestor.ParentId is null ? null : _units[ancestor.ParentId])
            {
                if (ancestor == unit)
                {
                    throw new InvalidOperationException(
                        $"Organizational unit {organizationalUnitId} cannot move under {newParentId}, because that is the unit itself or one of its descendants.");
                }
            }

            unit.ParentId = parent.OrganizationalUnitId;
            unit.UpdateTime = NowMilliseconds();
            return EmitUnit(IdaasEventTypes.OrganizationalUnitMoved, unit);
        }
    }

    /// <summary>Deletes an empty organizational unit and emits <see cref="IdaasEventTypes.OrganizationalUnitDeleted"/>.</summary>
    /// <exception cref="KeyNotFoundException">The unit does not exist.</exception>
    /// <exception cref="InvalidOperationException">The unit is the root, or still contains units or accounts.</exception>
    public SimulatorChange DeleteOrganizationalUnit(string organizationalUnitId)
    {
        lock (_lock)
        {
            var unit = GetUnit(organizationalUnitId);
            ThrowIfRoot(unit);
            if (_units.Values.Any(u => u.ParentId == organizationalUnitId) || _users.Values.Any(u => u.PrimaryOrganizationalUnitId == organizationalUnitId))
            {
                throw new InvalidOperationException(
                    $"Organizational unit {organizationalUnitId} still contains units or accounts. Move or delete them first, as the IDaaS console requires.");
            }

            _units.Remove(organizationalUnitId);
            var writer = CreateWriter();
            return Emit(
                IdaasEventTypes.OrganizationalUnitDeleted,
                organizationalUnitId,
                () => writer.WriteDeleted("organizationalUnitId", organizationalUnitId, () => writer.WriteOrganizationalUnit(unit)));
        }
    }

    private static void ThrowIfRoot(OrganizationalUnitRecord unit)
    {
        if (unit.OrganizationalUnitId == RootOrganizationalUnitId)
        {
            throw new InvalidOperationException($"The root organizational unit {RootOrganizationalUnitId} cannot be moved or deleted.");
        }
    }

    private SimulatorChange EmitUnit(string eventType, OrganizationalUnitRecord unit)
    {
        var writer = CreateWriter();
        return Emit(eventType, unit.OrganizationalUnitId, () => writer.WriteOrganizationalUnit(unit));
    }
}
