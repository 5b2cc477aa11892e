namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>The tuners <see cref="AutoTuner"/> delegates to.</summary>
internal enum AutoChoice
{
    GpMap,
    TpeMultivariate,
    Bohb,
    StringKernelGp,
}

internal static class AutoChoiceNames
{
    /// <summary>The choice's <c>bench</c> name, which the docs' tables use.</summary>
    public static string BenchName(this AutoChoice choice) => choice switch
    {
        AutoChoice.GpMap => "gp-map",
        AutoChoice.TpeMultivariate => "tpe-mv",
        AutoChoice.Bohb => "bohb",
        AutoChoice.StringKernelGp => "ssk-gp",
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "Unknown choice."),
    };
}
