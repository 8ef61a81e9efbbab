using System.Text.Json;

namespace Idaas.Callbacks.Tests.TestData;

/// <summary>
/// The real IDaaS token of March 2022 in TestData/idaas-callback-vectors.json (vector EVENT1, a user delete),
/// with its AES key and the expected plaintext of its cipherData claim.
/// </summary>
internal static class CallbackVectors
{
    private const string SolutionFileName = "IdaasCallbacks.sln";

    private static readonly JsonElement Root = LoadRoot();

    public static string EncryptKeyHex => Root.GetProperty("encryptKeyHex").GetString()!;

    public static string CipherData => Claims.GetProperty("cipherData").GetString()!;

    public static string ExpectedPlaintext => Vector.GetProperty("expectedDecryptedCipherData").GetString()!;

    public static string Subject => Claims.GetProperty("sub").GetString()!;

    public static string Audience => Claims.GetProperty("aud").GetString()!;

    public static string TokenId => Claims.GetProperty("jti").GetString()!;

    private static JsonElement Claims => Vector.GetProperty("expectedClaims");

    private static JsonElement Vector => Root.GetProperty("vectors")[0];

    // The test runs from bin/<configuration>/<framework>, so walk up to the solution folder and read the copy
    // kept next to this file. The project file does not copy it to the output folder.
    private static JsonElement LoadRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException(
                $"No folder above {AppContext.BaseDirectory} contains {SolutionFileName}, so the test vectors cannot be found.");
        }

        var path = Path.Combine(directory.FullName, "tests", "Idaas.Callbacks.Tests", "TestData", "idaas-callback-vectors.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.Clone();
    }
}
