namespace Microsoft.ML.NasTuners.Data;

/// <summary>
/// One data set of the repository's <c>data/</c> folder (see <see cref="NasDataSets"/>): where it is found, and why not
/// when it is missing. The rule is the same for every set: the set's environment variable when it is set, otherwise
/// <c>data/&lt;name&gt;</c> in the first directory, walking up from the application's directory and then from the
/// current directory, that holds the set's files.
/// </summary>
/// <remarks>Walking up from the application's directory finds the repository's <c>data/</c> from any build output
/// (<c>bin/Release/net10.0</c>) and the copy that the installed tool carries beside its assemblies.</remarks>
public sealed class NasDataSet
{
    /// <summary>Describes a data set.</summary>
    /// <param name="name">The folder under <c>data/</c>.</param>
    /// <param name="variable">The environment variable that names the set's folder.</param>
    /// <param name="requiredFiles">Paths relative to the set's folder that must all exist.</param>
    public NasDataSet(string name, string variable, params string[] requiredFiles)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(variable);
        if (requiredFiles is not { Length: > 0 })
            throw new ArgumentException("A data set needs at least one file that proves a folder holds it.", nameof(requiredFiles));
        Name = name;
        Variable = variable;
        RequiredFiles = requiredFiles.ToArray();
    }

    /// <summary>The folder under <c>data/</c>, e.g. <c>nb201</c>.</summary>
    public string Name { get; }

    /// <summary>The environment variable that names the set's folder (a file inside it is accepted too).</summary>
    public string Variable { get; }

    /// <summary>The files, relative to the set's folder, that a folder must hold to be this set.</summary>
    public IReadOnlyList<string> RequiredFiles { get; }

    /// <summary>True when <paramref name="directory"/> holds every file of <see cref="RequiredFiles"/>.</summary>
    public bool IsDataDirectory(string directory) =>
        RequiredFiles.All(file => File.Exists(Path.Combine(directory, file)));

    /// <summary>The set's folder, or null when it is not found (then <see cref="MissingReason"/> says why).</summary>
    public string? FindDirectory()
    {
        if (ConfiguredDirectory() is { } configured)
            return IsDataDirectory(configured) ? Path.GetFullPath(configured) : null;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "data", Name);
                if (IsDataDirectory(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>Why the set is not found, naming where it was looked for and the variable to set; null when it is
    /// found.</summary>
    public string? MissingReason()
    {
        if (FindDirectory() is not null) return null;
        var files = string.Join(", ", RequiredFiles);
        return ConfiguredDirectory() is { } configured
            ? $"The '{Name}' data set is not in '{configured}' ({Variable}): that folder needs {files}."
            : $"The '{Name}' data set was not found: no data/{Name} folder holding {files} above '{AppContext.BaseDirectory}' or the current directory. Run from a clone of the repository (it ships data/{Name}), or set {Variable} to the folder.";
    }

    /// <summary>The set's folder.</summary>
    /// <exception cref="DirectoryNotFoundException">The set is not found; the message says where it was looked for
    /// and which variable to set.</exception>
    public string RequireDirectory() => FindDirectory() ?? throw new DirectoryNotFoundException(MissingReason());

    /// <summary>The full path of <paramref name="file"/> inside the set's folder.</summary>
    /// <exception cref="DirectoryNotFoundException">The set is not found.</exception>
    public string RequireFile(string file) => Path.Combine(RequireDirectory(), file);

    /// <inheritdoc />
    public override string ToString() => Name;

    // A variable may name the folder or, as users of a one-file set expect, the file itself.
    private string? ConfiguredDirectory()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } configured) return null;
        return File.Exists(configured) ? Path.GetDirectoryName(Path.GetFullPath(configured)) : configured;
    }
}
