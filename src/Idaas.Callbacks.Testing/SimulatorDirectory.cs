using System.Text.Json.Nodes;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Testing.Internal;

namespace Idaas.Callbacks.Testing;

/// <summary>
/// The in-memory directory of a simulated IDaaS instance: accounts, organizational units under <c>ou_root</c>,
/// and groups with members. Each change returns the callback events IDaaS would emit for it.
/// </summary>
/// <remarks>
/// Events carry the complete record after the change. In <see cref="SimulatorWireFormat.Legacy2022"/> a delete
/// carries only the object id. Events whose type <see cref="SimulatorOptions.IsSent"/> rejects are not returned.
/// The options are read at each operation, so changing them takes effect on the next change. Event times are
/// strictly increasing within a directory: each event is at least 1 ms after the one emitted before it, even when
/// the clock has not moved, so ordering events by time is never ambiguous. A burst such as a full push can
/// therefore carry event times ahead of the clock. Instances are thread-safe.
/// </remarks>
public sealed partial class SimulatorDirectory
{
    /// <summary>The id of the root organizational unit, which cannot be moved or deleted.</summary>
    public const string RootOrganizationalUnitId = "ou_root";

    private readonly Lock _lock = new();
    private readonly SimulatorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, UserRecord> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrganizationalUnitRecord> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GroupRecord> _groups = new(StringComparer.Ordinal);
    private long _sequence;

    // The time of the last emitted event, so that the next one is at least 1 ms later. Guarded by _lock.
    private long _lastEventTime = long.MinValue;

    /// <summary>Creates a directory that contains only the root organizational unit.</summary>
    /// <param name="options">The simulator settings: instance id, subscriptions, password sync and wire format.</param>
    /// <param name="timeProvider">The clock for event and record times, or <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <param name="rootName">The display name of <see cref="RootOrganizationalUnitId"/>.</param>
    public SimulatorDirectory(SimulatorOptions options, TimeProvider? timeProvider = null, string rootName = "Example Corp")
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(rootName);

        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        var now = NowMilliseconds();
        _units.Add(RootOrganizationalUnitId, new OrganizationalUnitRecord
        {
            OrganizationalUnitId = RootOrganizationalUnitId,
            Name = rootName,
            Sequence = _sequence++,
            CreateTime = now,
            UpdateTime = now,
        });
    }

    /// <summary>Gets the settings this directory reads at each change.</summary>
    public SimulatorOptions Options => _options;

    /// <summary>Gets the number of accounts.</summary>
    public int UserCount
    {
        get
        {
            lock (_lock)
            {
                return _users.Count;
            }
        }
    }

    /// <summary>Gets the number of organizational units, including the root.</summary>
    public int OrganizationalUnitCount
    {
        get
        {
            lock (_lock)
            {
                return _units.Count;
            }
        }
    }

    /// <summary>Gets the number of groups.</summary>
    public int GroupCount
    {
        get
        {
            lock (_lock)
            {
                return _groups.Count;
            }
        }
    }

    /// <summary>
    /// Gets the event time of the latest event this directory emitted, or <see langword="null"/> before the first.
    /// </summary>
    /// <remarks>
    /// Event times are at least 1 ms apart, so after a burst of changes they run ahead of the clock. Code that
    /// stamps its own writes to sort after every event so far, such as a reconcile, starts after this time.
    /// </remarks>
    public DateTimeOffset? LastEventTime
    {
        get
        {
            lock (_lock)
            {
                return _lastEventTime == long.MinValue ? null : DateTimeOffset.FromUnixTimeMilliseconds(_lastEventTime);
            }
        }
    }

    /// <summary>Returns the member account ids of a group, sorted ordinally.</summary>
    /// <exception cref="KeyNotFoundException">No group has the id <paramref name="groupId"/>.</exception>
    public IReadOnlyList<string> GetGroupMembers(string groupId)
    {
        lock (_lock)
        {
            return [.. GetGroup(groupId).MemberIds.Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Emits the console's test event, <see cref="IdaasEventTypes.Test"/>, which is always sent.</summary>
    /// <returns>The test event. Its <c>bizId</c> is the instance id and its <c>bizData</c> is an empty object.</returns>
    public SimulatorEvent SendTestEvent()
    {
        // NOTE: the bizData of a real test event is not documented, and the IDaaS SDK ignores it.
        return CreateEvent(IdaasEventTypes.Test, _options.InstanceId, new JsonObject());
    }

    /// <summary>
    /// Emits a full push, as the console's one-click push does: every organizational unit parents first, then every
    /// account, then every group, each in creation order, as <c>push</c> events split into batches of at most
    /// <paramref name="batchSize"/>.
    /// </summary>
    /// <param name="batchSize">The maximum number of events in one batch, that is, in one callback.</param>
    /// <returns>The batches in sending order. A full push always contains the root organizational unit.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 1.</exception>
    public IReadOnlyList<IReadOnlyList<SimulatorEvent>> FullPush(int batchSize = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);

        var events = new List<SimulatorEvent>();
        lock (_lock)
        {
            var writer = CreateWriter();
            foreach (var unit in UnitsParentsFirst())
            {
                events.Add(CreateEvent(IdaasEventTypes.OrganizationalUnitPushed, unit.OrganizationalUnitId, writer.WriteOrganizationalUnit(unit)));
            }

            foreach (var user in _users.Values.OrderBy(u => u.Sequence))
            {
                events.Add(CreateEvent(IdaasEventTypes.UserPushed, user.UserId, writer.WriteUser(user, _units, includePassword: false)));
            }

            foreach (var group in _groups.Values.OrderBy(g => g.Sequence))
            {
                events.Add(CreateEvent(IdaasEventTypes.GroupPushed, group.GroupId, writer.WriteGroup(group)));
            }
        }

        return [.. events.Chunk(batchSize).Select(batch => (IReadOnlyList<SimulatorEvent>)batch)];
    }

    private List<OrganizationalUnitRecord> UnitsParentsFirst()
    {
        var ordered = new List<OrganizationalUnitRecord> { _units[RootOrganizationalUnitId] };
        for (var index = 0; index < ordered.Count; index++)
        {
            var parentId = ordered[index].OrganizationalUnitId;
            ordered.AddRange(_units.Values
                .Where(u => u.ParentId == parentId)
                .OrderBy(u => u.Sequence));
        }

        return ordered;
    }

    private RecordWriter CreateWriter() => new(_options.WireFormat, _options.InstanceId);

    private long NowMilliseconds() => _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private SimulatorEvent CreateEvent(string eventType, string bizId, JsonObject bizData)
        => new(SimulatorIds.CreateEventId(), eventType, DateTimeOffset.FromUnixTimeMilliseconds(NextEventTime()), bizId, bizData);

    /// <summary>Returns the clock's time, or 1 ms after the previous event when the clock has not passed it.</summary>
    private long NextEventTime()
    {
        // Lock is reentrant, and SendTestEvent calls this without holding it.
        lock (_lock)
        {
            _lastEventTime = Math.Max(NowMilliseconds(), _lastEventTime + 1);
            return _lastEventTime;
        }
    }

    /// <summary>Returns the change with one event, or with none when the event type is not sent.</summary>
    private SimulatorChange Emit(string eventType, string bizId, Func<JsonObject> writeBizData)
    {
        IReadOnlyList<SimulatorEvent> events = _options.IsSent(eventType) ? [CreateEvent(eventType, bizId, writeBizData())] : [];
        return new SimulatorChange(bizId, events);
    }

    private UserRecord GetUser(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return _users.TryGetValue(userId, out var user)
            ? user
            : throw new KeyNotFoundException($"User {userId} was not found in the simulator directory. Use an id returned by this directory.");
    }

    private OrganizationalUnitRecord GetUnit(string organizationalUnitId)
    {
        ArgumentNullException.ThrowIfNull(organizationalUnitId);
        return _units.TryGetValue(organizationalUnitId, out var unit)
            ? unit
            : throw new KeyNotFoundException($"Organizational unit {organizationalUnitId} was not found in the simulator directory. Use an id returned by this directory.");
    }

    private GroupRecord GetGroup(string groupId)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        return _groups.TryGetValue(groupId, out var group)
            ? group
            : throw new KeyNotFoundException($"Group {groupId} was not found in the simulator directory. Use an id returned by this directory.");
    }
}
