using System.Reflection;

namespace Snippets;

/// <summary>Lists the snippets. They are here to be compiled, not run: most of them would train for minutes.</summary>
public static class Program
{
    public static void Main()
    {
        var snippets = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Select(m => m.GetCustomAttribute<SnippetAttribute>())
            .OfType<SnippetAttribute>()
            .OrderBy(s => s.Page, StringComparer.Ordinal)
            .ThenBy(s => s.Name, StringComparer.Ordinal);
        Console.WriteLine("Snippets of README.md and docs/ (each compiled here in a #region snippet:<name>):");
        foreach (var snippet in snippets)
            Console.WriteLine($"  {snippet.Page}: snippet:{snippet.Name}");
    }
}

/// <summary>Marks a method that holds the snippet <see cref="Name"/> of the markdown page <see cref="Page"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SnippetAttribute(string page, string name) : Attribute
{
    public string Page { get; } = page;

    public string Name { get; } = name;
}
