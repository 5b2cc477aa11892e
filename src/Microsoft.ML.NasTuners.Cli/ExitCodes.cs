namespace Microsoft.ML.NasTuners.Cli;

/// <summary>The process exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;

    /// <summary>The command was valid but failed while running (a tuner threw, a file could not be written).</summary>
    public const int Failure = 1;

    /// <summary>The command line was invalid: unknown option, name or value.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
