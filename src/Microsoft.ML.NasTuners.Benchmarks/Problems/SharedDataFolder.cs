namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>Finds a data set of <c>shared/data</c>, which lives beside a clone of the repository rather than in it.</summary>
internal static class SharedDataFolder
{
    /// <summary>The folder: the one named by <paramref name="variable"/> when that is set, otherwise
    /// <c>shared/data/<paramref name="name"/></c> in the first directory above the application's or the current
    /// directory that has one (which finds <c>../shared/data/<paramref name="name"/></c> beside a clone); null when none
    /// is found or the configured folder lacks the data.</summary>
    /// <param name="variable">The environment variable that may name the folder itself.</param>
    /// <param name="name">The data set's folder under <c>shared/data</c>.</param>
    /// <param name="isDataDirectory">True when a folder holds the files the data set needs.</param>
    public static string? Find(string variable, string name, Func<string, bool> isDataDirectory)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured)
            return isDataDirectory(configured) ? Path.GetFullPath(configured) : null;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "shared", "data", name);
                if (isDataDirectory(candidate)) return candidate;
            }
        }
        return null;
    }
}
