using System.Text.RegularExpressions;

namespace Microsoft.ML.NasTuners.Tests.Docs;

/// <summary>
/// The C# samples of README.md and docs/ are copies of code that compiles in examples/Snippets. Markdown is not
/// compiled, so without this check a renamed option or a changed signature would leave the docs quietly wrong.
/// </summary>
public class DocsSnippetTests
{
    private const string SnippetsFolder = "examples/Snippets";

    private static readonly Regex RegionStart = new(@"^#region\s+snippet:(?<name>\S+)", RegexOptions.CultureInvariant);

    [Fact]
    public void The_readme_and_the_docs_pages_exist()
    {
        var root = RepositoryFolder.Root();

        File.Exists(Path.Combine(root, "README.md")).Should().BeTrue("the front page is where readers start");
        MarkdownFiles(root).Should().Contain(f => f.StartsWith("docs/", StringComparison.Ordinal),
            "the detailed pages live under docs/");
    }

    [Fact]
    public void The_docs_hold_csharp_blocks_to_check()
    {
        // Guards the check below: a parser that found no block would let it pass without comparing anything.
        var root = RepositoryFolder.Root();

        MarkdownFiles(root).SelectMany(f => CsharpBlocks(root, f)).Should().NotBeEmpty();
        SnippetRegions(root).Should().NotBeEmpty("examples/Snippets holds the compiled copies of the blocks");
    }

    [Fact]
    public void The_snippets_project_is_built_with_the_solution()
    {
        // The comparison only proves the samples compile if the solution's build compiles examples/Snippets.
        var solution = File.ReadAllText(Path.Combine(RepositoryFolder.Root(), RepositoryFolder.SolutionFile));

        solution.Should().Contain(@"examples\Snippets\Snippets.csproj");
    }

    [Fact]
    public void Every_csharp_block_in_the_docs_compiles_in_examples_Snippets()
    {
        var root = RepositoryFolder.Root();
        var regions = SnippetRegions(root);

        var missing = MarkdownFiles(root)
            .SelectMany(file => CsharpBlocks(root, file).Select(block => (file, block)))
            .Where(b => b.block.Count == 0 || !regions.Any(region => ContainsRun(region.Lines, b.block)))
            .Select(b => $"{b.file}: the block starting \"{(b.block.Count == 0 ? "(empty)" : b.block[0])}\" is in no "
                + $"#region snippet: of {SnippetsFolder}/*.cs; update {SnippetsFolder} so that it compiles there")
            .ToList();

        missing.Should().BeEmpty("every ```csharp block of README.md and docs/ must be a compiled copy");
    }

    /// <summary>README.md and docs/**/*.md, as paths relative to the root with '/' separators (for messages).</summary>
    private static List<string> MarkdownFiles(string root)
    {
        var files = new List<string>();
        if (File.Exists(Path.Combine(root, "README.md")))
            files.Add("README.md");

        var docs = Path.Combine(root, "docs");
        if (Directory.Exists(docs))
        {
            files.AddRange(Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal));
        }

        return files;
    }

    /// <summary>The ```csharp blocks of one file. Fences may be indented (a block inside a list item), so lines are
    /// compared trimmed, and blank lines are dropped because indentation and spacing are not what drifts.</summary>
    private static List<List<string>> CsharpBlocks(string root, string relativePath)
    {
        var blocks = new List<List<string>>();
        List<string>? current = null;
        foreach (var raw in File.ReadLines(Path.Combine(root, relativePath)))
        {
            var line = raw.Trim();
            if (current is null)
            {
                if (line.StartsWith("```csharp", StringComparison.Ordinal))
                    current = [];
            }
            else if (line.StartsWith("```", StringComparison.Ordinal))
            {
                blocks.Add(current);
                current = null;
            }
            else if (line.Length > 0)
            {
                current.Add(line);
            }
        }

        current.Should().BeNull($"a ```csharp block in {relativePath} is never closed");
        return blocks;
    }

    /// <summary>Every "#region snippet:" of examples/Snippets/*.cs, its lines trimmed and blank lines dropped.</summary>
    private static List<(string Name, List<string> Lines)> SnippetRegions(string root)
    {
        var folder = Path.Combine(root, "examples", "Snippets");
        var regions = new List<(string, List<string>)>();
        if (!Directory.Exists(folder))
            return regions;

        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            (string Name, List<string> Lines)? current = null;
            foreach (var raw in File.ReadLines(file))
            {
                var line = raw.Trim();
                if (current is null)
                {
                    var start = RegionStart.Match(line);
                    if (start.Success)
                        current = (start.Groups["name"].Value, []);
                }
                else if (line.StartsWith("#endregion", StringComparison.Ordinal))
                {
                    regions.Add(current.Value);
                    current = null;
                }
                else if (line.Length > 0)
                {
                    current.Value.Lines.Add(line);
                }
            }

            current.Should().BeNull($"a #region snippet: in {Path.GetFileName(file)} is never closed");
        }

        return regions;
    }

    private static bool ContainsRun(List<string> haystack, List<string> run)
    {
        for (var start = 0; start + run.Count <= haystack.Count; start++)
        {
            if (haystack.Skip(start).Take(run.Count).SequenceEqual(run, StringComparer.Ordinal))
                return true;
        }

        return false;
    }
}
