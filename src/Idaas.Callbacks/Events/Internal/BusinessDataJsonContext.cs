using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Events.Internal;

/// <summary>
/// Source-generated JSON metadata for the records inside <c>bizData</c>. Duplicate member names are rejected,
/// because two parsers could otherwise read different values from the same record.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    AllowDuplicateProperties = false,
    Converters = [typeof(EpochMillisecondsConverter), typeof(LenientBooleanConverter)])]
[JsonSerializable(typeof(UserData))]
[JsonSerializable(typeof(OrganizationalUnitData))]
[JsonSerializable(typeof(GroupData))]
internal sealed partial class BusinessDataJsonContext : JsonSerializerContext;
