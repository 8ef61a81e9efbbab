using System.Security.Cryptography;

namespace Idaas.Callbacks.Testing.Internal;

/// <summary>Random ids in the IDaaS format: a prefix and lowercase base32 characters (RFC 4648 alphabet).</summary>
internal static class SimulatorIds
{
    public const string Base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string Create(string prefix, int length) => prefix + RandomNumberGenerator.GetString(Base32Alphabet, length);

    public static string CreateInstanceId() => Create("idaas_", 26);

    public static string CreateApplicationId() => Create("app_", 26);

    public static string CreateUserId() => Create("user_", 26);

    public static string CreateOrganizationalUnitId() => Create("ou_", 26);

    public static string CreateGroupId() => Create("group_", 26);

    public static string CreateEventId() => Create("evnt_", 39);
}
