using System.Text.RegularExpressions;

namespace Idaas.Callbacks.Testing.Tests.Docs;

/// <summary>Checks that every code block of docs/testing-with-the-simulator.md is a part of the tested example code.</summary>
public sealed partial class GuideSnippetTests
{
    private const string GuidePath = "docs/testing-with-the-simulator.md";

    private static readonly string[] SourcePaths =
    [
        "tests/Idaas.Callbacks.Testing.Tests/Docs/ReceiverApp.cs",
        "tests/Idaas.Callbacks.Testing.Tests/Docs/TestingGuideExampleTests.cs",
        "tests/Idaas.Callbacks.Samples.Receiver.Tests/WebApplicationFactoryTests.cs",
    ];

    [GeneratedRegex("```csharp\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    public static TheoryData<int> BlockNumbers()
    {
        var data = new TheoryData<int>();
        for (var number = 1; number <= ReadBlocks().Count; number++)
        {
            data.Add(number);
        }

        return data;
    }

    [Fact]
    public void Guide_HasCodeBlocks()
    {
        ReadBlocks().Should().HaveCountGreaterThanOrEqualTo(8);
    }

    [Theory]
    [MemberData(nameof(BlockNumbers))]
    public void CodeBlock_IsPartOfTestedCode(int number)
    {
        var block = Normalize(ReadBlocks()[number - 1]);
        var sources = SourcePaths.Select(path => Normalize(File.ReadAllText(Path.Combine(RepositoryRoot(), path)))).ToList();

        // Compared line by line without indentation and blank lines, so the guide may dedent the code.
        var joinedBlock = string.Join('\n', block);
        sources.Should().Contain(
            source => string.Join('\n', source).Contains(joinedBlock, StringComparison.Ordinal),
            $"code block {number} of {GuidePath} must appear unchanged in {string.Join(" or ", SourcePaths)}");
    }

    private static List<string> ReadBlocks()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryRoot(), GuidePath)).ReplaceLineEndings("\n");
        return [.. CodeBlock().Matches(guide).Select(match => match.Groups["code"].Value)];
    }

    private static List<string> Normalize(string code)
        => [.. code.ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];

    // The test runs from bin/<configuration>/<framework>, inside the repository.
    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IdaasCallbacks.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException($"No IdaasCallbacks.sln above {AppContext.BaseDirectory}.");
    }
}
