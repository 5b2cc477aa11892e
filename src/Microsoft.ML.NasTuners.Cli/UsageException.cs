namespace Microsoft.ML.NasTuners.Cli;

/// <summary>A command line the user must fix; its message is printed as it is and the exit code is
/// <see cref="ExitCodes.Usage"/>.</summary>
internal sealed class UsageException(string message) : Exception(message);
