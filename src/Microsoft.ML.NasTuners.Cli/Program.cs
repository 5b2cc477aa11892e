using Microsoft.ML.NasTuners.Cli;

return CliApp.Run(args, new CliContext(Console.Out, Console.Error)
{
    StdoutIsTerminal = !Console.IsOutputRedirected,
    StderrIsTerminal = !Console.IsErrorRedirected,
});
