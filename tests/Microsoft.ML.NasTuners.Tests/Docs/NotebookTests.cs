using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Microsoft.ML.NasTuners.Tests.Docs;

/// <summary>
/// The notebooks in examples/ run in .NET Interactive, which no test here hosts. Their code cells are C# script
/// submissions that follow one another, which is what Roslyn's scripting compiles: each cell is compiled after the
/// cells above it, against the assemblies its <c>#r</c> lines name, so a change to the library that breaks a notebook
/// fails here.
/// </summary>
public class NotebookTests
{
    // What a .NET Interactive C# kernel imports before the first cell.
    private static readonly string[] KernelImports = ["System", "System.IO", "System.Linq", "System.Collections.Generic", "System.Threading.Tasks", "System.Text"];

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(RepositoryFolder.Root(), "examples"), "*.ipynb", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(RepositoryFolder.Root(), path).Replace('\\', '/'));
        return data;
    }

    [Fact]
    public void Examples_hold_a_notebook()
    {
        Notebooks().Should().NotBeEmpty("issue 21 asks for a notebook in examples/ that tunes a model and plots it");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_code_cell_compiles_after_the_cells_above_it(string notebook)
    {
        var cells = CodeCells(notebook);
        cells.Should().NotBeEmpty();
        // A "#r nuget:" line references every assembly of the package: here, those the test's own build copied.
        var packageAssemblies = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => Path.GetFileName(f) is var n && (n.StartsWith("Microsoft.ML", StringComparison.Ordinal) || n.StartsWith("ScottPlot", StringComparison.Ordinal)))
            .Where(f => !Path.GetFileName(f).Contains(".Tests", StringComparison.Ordinal))
            .Select(f => MetadataReference.CreateFromFile(f));
        var options = ScriptOptions.Default
            .AddReferences(packageAssemblies)
            .AddReferences(typeof(KernelGlobals).Assembly)
            .AddImports(KernelImports);

        Script? script = null;
        var errors = new List<string>();
        foreach (var (cell, index) in cells.Select((c, i) => (c, i)))
        {
            script = script is null ? CSharpScript.Create(cell, options, typeof(KernelGlobals)) : script.ContinueWith(cell, options);
            errors.AddRange(script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => $"cell {index + 1}: {d}"));
        }

        errors.Should().BeEmpty($"every code cell of {notebook} must compile against the library as it is");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void The_packages_a_notebook_references_are_the_versions_the_repository_builds(string notebook)
    {
        var root = RepositoryFolder.Root();
        var props = File.ReadAllText(Path.Combine(root, "Directory.Packages.props"));
        var version = Regex.Match(File.ReadAllText(Path.Combine(root, "Directory.Build.props")), "<VersionPrefix>([^<]+)</VersionPrefix>").Groups[1].Value;
        var references = Directives(notebook).Select(l => Regex.Match(l, @"^#r ""nuget: *([^,""]+), *([^""]+)""")).Where(m => m.Success).ToList();

        references.Should().NotBeEmpty();
        foreach (var reference in references)
        {
            var (package, pinned) = (reference.Groups[1].Value.Trim(), reference.Groups[2].Value.Trim());
            var expected = package.StartsWith("Microsoft.ML.NasTuners", StringComparison.Ordinal)
                ? version
                : Regex.Match(props, $@"<PackageVersion Include=""{Regex.Escape(package)}"" Version=""([^""]+)""").Groups[1].Value;
            pinned.Should().Be(expected, $"{notebook} pins {package} to the version the repository builds with");
        }
    }

    /// <summary>The source of each code cell, without its .NET Interactive directives (<c>#r</c>, <c>#i</c>, <c>#!</c>).</summary>
    private static List<string> CodeCells(string notebook) =>
        CellSources(notebook).Select(lines => string.Join('\n', lines.Where(l => !IsDirective(l))))
            .Where(code => !string.IsNullOrWhiteSpace(code)).ToList();

    private static IEnumerable<string> Directives(string notebook) => CellSources(notebook).SelectMany(l => l).Where(IsDirective);

    private static bool IsDirective(string line) => line.TrimStart() is var t && (t.StartsWith("#r ", StringComparison.Ordinal)
        || t.StartsWith("#i ", StringComparison.Ordinal) || t.StartsWith("#!", StringComparison.Ordinal));

    private static IEnumerable<string[]> CellSources(string notebook)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFolder.Root(), notebook)));
        return document.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .Select(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(s => s.GetString())).Split('\n').Select(l => l.TrimEnd('\r')).ToArray())
            .ToList();
    }

}

/// <summary>The members a .NET Interactive C# kernel gives every cell that the notebooks use: <c>display</c> and
/// <c>HTML</c> (the kernel's own <c>Kernel.display</c> and <c>Kernel.HTML</c>, with their shapes).</summary>
public sealed class KernelGlobals
{
#pragma warning disable CA1822, IDE1006 // the kernel's names, as cells call them
    public object display(object value, params string[] mimeTypes) => value;

    public string HTML(string content) => content;
#pragma warning restore CA1822, IDE1006
}
