using System.Text.Json.Nodes;
using Idaas.Callbacks.Testing.Scim.Internal;

namespace Idaas.Callbacks.Testing.Scim;

/// <content>Users and Groups: create, read, list, replace, patch and delete, each under the directory lock.</content>
public sealed partial class SimulatorScimServiceProvider
{
    private ScimHttpResponse List(ScimHttpRequest request, ScimResourceSchema schema)
    {
        var query = ScimListQuery.Parse(request.Query, schema);
        var baseUrl = request.Origin + BasePath;
        var evaluator = new ScimFilterEvaluator(schema);

        var (total, page) = _directory.RunLocked(() =>
        {
            var ids = IsUser(schema)
                ? _directory.UserRecordsInOrder().Select(u => u.UserId).ToList()
                : _directory.GroupRecordsInOrder().Select(g => g.GroupId).ToList();

            // Without a filter or sort order only the page is rendered, so that paging through a large directory stays cheap.
            if (query.Filter is null && query.SortBy is null)
            {
                var slice = ids.Skip(query.StartIndex - 1).Take(query.Count).Select(id => Render(schema, id, baseUrl)).ToList();
                return (ids.Count, slice);
            }

            IEnumerable<JsonObject> resources = ids.Select(id => Render(schema, id, baseUrl));
            if (query.Filter is not null)
            {
                resources = resources.Where(r => evaluator.Matches(query.Filter, r)).ToList();
            }

            var matched = query.SortBy is null ? resources.ToList() : ScimSorter.Sort(resources, query.SortBy, query.Descending, schema);
            return (matched.Count, matched.Skip(query.StartIndex - 1).Take(query.Count).ToList());
        });

        if (!IsUser(schema))
        {
            // IDaaS leaves members out of group lists; a group read by id has them.
            foreach (var group in page)
            {
                group.Remove("members");
            }
        }

        return ScimResponses.Json(200, query.ToResponse(total, page, Faults.OmitEmptyResources));
    }

    private ScimHttpResponse Create(ScimHttpRequest request, ScimResourceSchema schema)
    {
        var normalized = ScimResourceNormalizer.Normalize(ParseBody(request), schema);
        var baseUrl = request.Origin + BasePath;

        var (change, resource) = _directory.RunLocked(() =>
        {
            SimulatorChange created;
            if (IsUser(schema))
            {
                var values = ScimUserMapper.ToValues(normalized);
                ThrowIfUserNameTaken(values.UserName, exceptId: null);
                created = _directory.CreateScimUser(values);
            }
            else
            {
                var values = ScimGroupMapper.ToValues(normalized);
                ThrowIfGroupNameTaken(values.DisplayName, exceptId: null);
                ThrowIfUnknownMembers(values.MemberIds);
                created = _directory.CreateScimGroup(values);
            }

            return (created, Render(schema, created.ObjectId, baseUrl));
        });

        Record(change);
        var response = ResourceResponse(201, resource);
        response.Headers["Location"] = resource["meta"]!["location"]!.GetValue<string>();
        return Faults.TryConsumeDropCreate()
            ? new ScimHttpResponse { Status = 201, DropResponse = true }
            : response;
    }

    private ScimHttpResponse Get(ScimHttpRequest request, ScimResourceSchema schema, string id)
    {
        var resource = _directory.RunLocked(() => Render(schema, FindId(schema, id), request.Origin + BasePath));
        var etag = resource["meta"]!["version"]!.GetValue<string>();
        if (request.Header("If-None-Match") is { } ifNoneMatch && ScimResponses.ListsTag(ifNoneMatch, etag))
        {
            var notModified = new ScimHttpResponse { Status = 304 };
            notModified.Headers["ETag"] = etag;
            return notModified;
        }

        return ResourceResponse(200, resource);
    }

    private ScimHttpResponse Replace(ScimHttpRequest request, ScimResourceSchema schema, string id)
    {
        var normalized = ScimResourceNormalizer.Normalize(ParseBody(request), schema);
        return Write(request, schema, id, _ => normalized);
    }

    private ScimHttpResponse Patch(ScimHttpRequest request, ScimResourceSchema schema, string id)
    {
        var body = ParseBody(request);
        var applier = new ScimPatchApplier(schema);
        return Write(request, schema, id, current =>
        {
            applier.Apply(current, body);
            return ScimResourceNormalizer.Normalize(current, schema);
        });
    }

    private ScimHttpResponse Delete(ScimHttpRequest request, ScimResourceSchema schema, string id)
    {
        var change = _directory.RunLocked(() =>
        {
            var resourceId = FindId(schema, id);
            ThrowIfStale(request, Render(schema, resourceId, request.Origin + BasePath));
            return IsUser(schema) ? _directory.DeleteUser(resourceId) : _directory.DeleteGroup(resourceId);
        });

        Record(change);
        return new ScimHttpResponse { Status = 204 };
    }

    /// <summary>Replaces a resource with what <paramref name="update"/> makes of its current JSON form.</summary>
    private ScimHttpResponse Write(ScimHttpRequest request, ScimResourceSchema schema, string id, Func<JsonObject, JsonObject> update)
    {
        var baseUrl = request.Origin + BasePath;
        var (change, resource) = _directory.RunLocked(() =>
        {
            var resourceId = FindId(schema, id);
            var current = Render(schema, resourceId, baseUrl, forWrite: true);
            ThrowIfStale(request, current);
            var normalized = update(current);

            SimulatorChange replaced;
            if (IsUser(schema))
            {
                var values = ScimUserMapper.ToValues(normalized);
                ThrowIfUserNameTaken(values.UserName, resourceId);
                replaced = _directory.ReplaceScimUser(resourceId, values);
            }
            else
            {
                var values = ScimGroupMapper.ToValues(normalized);
                ThrowIfGroupNameTaken(values.DisplayName, resourceId);
                ThrowIfUnknownMembers(values.MemberIds);
                replaced = _directory.ReplaceScimGroup(resourceId, values);
            }

            return (replaced, Render(schema, resourceId, baseUrl));
        });

        Record(change);
        return ResourceResponse(200, resource);
    }

    private static ScimHttpResponse ResourceResponse(int status, JsonObject resource)
        => ScimResponses.Json(status, resource, resource["meta"]!["version"]!.GetValue<string>());

    private static bool IsUser(ScimResourceSchema schema) => ReferenceEquals(schema, ScimResourceSchema.User);

    /// <summary>Renders a resource; <paramref name="forWrite"/> leaves out fault shapes, so a PATCH starts from the stored form.</summary>
    private JsonObject Render(ScimResourceSchema schema, string id, string baseUrl, bool forWrite = false)
    {
        if (IsUser(schema))
        {
            var user = _directory.FindUserRecord(id)!;
            return ScimUserMapper.ToJson(user, _directory.GroupRecordsInOrder(), baseUrl, managerAsString: !forWrite && Faults.ManagerAsString);
        }

        return ScimGroupMapper.ToJson(_directory.FindGroupRecord(id)!, _directory.FindUserRecord, baseUrl, includeMembers: true);
    }

    private string FindId(ScimResourceSchema schema, string id)
    {
        var exists = IsUser(schema) ? _directory.FindUserRecord(id) is not null : _directory.FindGroupRecord(id) is not null;
        return exists ? id : throw new ScimException(404, null, $"{schema.Name} {id} not found.");
    }

    /// <summary>Enforces <c>If-Match</c> (RFC 7644, section 3.14): a tag other than the current one gets 412.</summary>
    private static void ThrowIfStale(ScimHttpRequest request, JsonObject current)
    {
        var etag = current["meta"]!["version"]!.GetValue<string>();
        if (request.Header("If-Match") is { } ifMatch && !ScimResponses.ListsTag(ifMatch, etag))
        {
            throw new ScimException(412, null, $"The resource has changed: its version is {etag}, and If-Match was {ifMatch}. Read it again before writing.");
        }
    }

    private void ThrowIfUserNameTaken(string userName, string? exceptId)
    {
        // userName is not case-exact (RFC 7643, section 4.1.1), so uniqueness ignores case too.
        if (_directory.UserRecordsInOrder().Any(u => u.UserId != exceptId && string.Equals(u.Username, userName, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ScimException(409, "uniqueness", $"A user with userName '{userName}' already exists.");
        }
    }

    private void ThrowIfGroupNameTaken(string displayName, string? exceptId)
    {
        if (_directory.GroupRecordsInOrder().Any(g => g.GroupId != exceptId && string.Equals(g.Name, displayName, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ScimException(409, "uniqueness", $"A group with displayName '{displayName}' already exists.");
        }
    }

    private void ThrowIfUnknownMembers(IReadOnlyList<string> memberIds)
    {
        if (memberIds.FirstOrDefault(id => _directory.FindUserRecord(id) is null) is { } unknown)
        {
            throw ScimException.InvalidValue($"The member {unknown} is not a user of this directory.");
        }
    }
}
