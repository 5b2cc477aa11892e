namespace Microsoft.ML.NasTuners.Pipelines;

/// <summary>How a trial's pipeline is validated: on a holdout part of the training data, or by k-fold
/// cross-validation. Both are stratified by class for classification. The best pipeline is then refitted on all the
/// training data.</summary>
public sealed record PipelineValidation
{
    private PipelineValidation(double holdoutFraction, int folds)
    {
        HoldoutFraction = holdoutFraction;
        Folds = folds;
    }

    /// <summary>The fraction of rows held out (holdout validation); 0 for cross-validation.</summary>
    public double HoldoutFraction { get; }

    /// <summary>The number of folds (cross-validation); 1 for holdout.</summary>
    public int Folds { get; }

    /// <summary>True for k-fold cross-validation.</summary>
    public bool IsCrossValidation => Folds > 1;

    /// <summary>Holds out <paramref name="fraction"/> of the rows for validation.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is not in (0, 0.9].</exception>
    public static PipelineValidation Holdout(double fraction = 0.2)
    {
        if (!(fraction > 0 && fraction <= 0.9))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The holdout fraction must be in (0, 0.9].");
        return new PipelineValidation(fraction, 1);
    }

    /// <summary>K-fold cross-validation: each trial is trained <paramref name="folds"/> times and its metric averaged.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 or more than 20 folds.</exception>
    public static PipelineValidation CrossValidation(int folds = 5)
    {
        if (folds is < 2 or > 20)
            throw new ArgumentOutOfRangeException(nameof(folds), folds, "Cross-validation needs 2 to 20 folds.");
        return new PipelineValidation(0, folds);
    }

    /// <summary>The default for <paramref name="rows"/> training rows: 5-fold cross-validation below
    /// <see cref="CrossValidationBelowRows"/> rows, where one holdout is too small to rank pipelines, a 20 % holdout above.</summary>
    public static PipelineValidation DefaultFor(int rows) => rows < CrossValidationBelowRows ? CrossValidation(5) : Holdout(0.2);

    /// <summary>The row count below which <see cref="DefaultFor"/> cross-validates.</summary>
    public const int CrossValidationBelowRows = 2000;

    /// <inheritdoc />
    public override string ToString() => IsCrossValidation ? $"{Folds}-fold cross-validation" : $"holdout {HoldoutFraction:P0}";
}
