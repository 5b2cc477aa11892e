namespace Microsoft.ML.NasTuners.Tests.Docs;

/// <summary>The clone the tests run in, for the tests that read its docs and examples.</summary>
internal static class RepositoryFolder
{
    /// <summary>The solution file that marks the repository's root.</summary>
    public const string SolutionFile = "Microsoft.ML.NasTuners.sln";

    /// <summary>The folder holding the solution file. Tests run from bin/, whose depth differs between builds.</summary>
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                return directory.FullName;
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds {SolutionFile}.");
    }
}
