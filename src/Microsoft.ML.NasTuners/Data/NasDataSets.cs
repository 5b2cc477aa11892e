namespace Microsoft.ML.NasTuners.Data;

/// <summary>The data sets that ship in the repository's <c>data/</c> folder (each with its licence note there).</summary>
public static class NasDataSets
{
    /// <summary>1,797 handwritten digits, 8x8 (<c>digits.csv.gz</c>); CC BY 4.0.</summary>
    public static NasDataSet Digits { get; } = new("digits", "NASTUNERS_DIGITS", "digits.csv.gz");

    /// <summary>NAS-Bench-201's 12- and 200-epoch accuracy tables; MIT.</summary>
    public static NasDataSet Nb201 { get; } = new("nb201", "NASTUNERS_NB201_DIR", "nb201_hp12_accs.csv", "nats_tss_hp200_test_accs.csv");

    /// <summary>YAHPO Gym's LCBench surrogate and its target statistics; Apache-2.0.</summary>
    public static NasDataSet Yahpo { get; } = new("yahpo", "NASTUNERS_YAHPO_DIR",
        Path.Combine("lcbench", "model.onnx"), Path.Combine("lcbench", "encoding.json"), "instance_target_statistics.csv");

    /// <summary>Six real tabular sets (breast_cancer, wine, diabetes, pima, house_votes84, letter); CC BY 4.0 and
    /// BSD-3-Clause.</summary>
    public static NasDataSet Tabular { get; } = new("tabular", "NASTUNERS_TABULAR_DIR",
        "breast_cancer.csv", "wine.csv", "diabetes.csv", "pima.csv", "house_votes84.csv", "letter.csv");

    /// <summary>Every set, in the order of <c>data/README.md</c>.</summary>
    public static IReadOnlyList<NasDataSet> All { get; } = [Digits, Nb201, Yahpo, Tabular];
}
