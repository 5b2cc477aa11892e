namespace Microsoft.ML.NasTuners.Pipelines.Trainers;

/// <summary>
/// The default search spaces, one per trainer family, shared by the three tasks. Each range's source is written
/// beside it; docs/pipelines.md repeats them. Where a source's upper bound would make one trial outgrow a 30-second
/// run on a small machine (FLAML's 32768 trees or leaves), the bound is lowered and the comment says so. Each
/// default is ML.NET's own default for that option, so a space's default point is ML.NET's default trainer.
/// </summary>
internal static class TrainerSpaces
{
    /// <summary>LightGBM. Ranges from FLAML's LGBMEstimator.search_space (flaml/automl/model.py), which ML.NET AutoML
    /// copies into its LightGbm search space: num_leaves and n_estimators log in [4, 32768] (capped here at 1024 and
    /// 1000), min_child_samples log in [2, 128], learning_rate log in [1/1024, 1], colsample_bytree in [0.01, 1],
    /// reg_alpha and reg_lambda log from 1/1024 (FLAML's lower bound) to 10, the upper bound of Optuna's LightGBM tuner
    /// (lambda_l1, lambda_l2 log in [1e-8, 10]): FLAML's 1024 suits its search, which starts from a low-cost point and
    /// moves locally, but a sampled penalty above a few tens leaves every leaf at zero on a ninth of letter's rows
    /// (chance accuracy at any learning rate). Defaults: ML.NET's LightGbm options (100 iterations, 20 leaves,
    /// 20 examples per leaf, learning rate 0.1 as LightGBM's own, no L1, L2 0.01 as ML.NET's GradientBooster).</summary>
    public static SearchSpace LightGbm() => new()
    {
        ["NumberOfIterations"] = new UniformIntOption(4, 1000, logBase: true, defaultValue: 100),
        ["NumberOfLeaves"] = new UniformIntOption(4, 1024, logBase: true, defaultValue: 20),
        ["MinimumExampleCountPerLeaf"] = new UniformIntOption(2, 128, logBase: true, defaultValue: 20),
        ["LearningRate"] = new UniformDoubleOption(1.0 / 1024, 1, logBase: true, defaultValue: 0.1),
        ["FeatureFraction"] = new UniformDoubleOption(0.01, 1, defaultValue: 1),
        ["L1Regularization"] = new UniformDoubleOption(1.0 / 1024, 10, logBase: true, defaultValue: 1.0 / 1024),
        ["L2Regularization"] = new UniformDoubleOption(1.0 / 1024, 10, logBase: true, defaultValue: 0.01),
    };

    /// <summary>FastTree (boosted trees). Ranges from ML.NET AutoML's FastTree search space (numberOfLeaves and
    /// numberOfTrees log in [4, 32768], capped here at 512 and 500; minimumExampleCountPerLeaf log in [2, 128];
    /// learningRate log, here [1/1024, 1] as FLAML's; featureFraction in (0, 1], here from 0.01). Defaults: ML.NET's
    /// (100 trees, 20 leaves, 10 examples per leaf, learning rate 0.2, feature fraction 1).</summary>
    public static SearchSpace FastTree() => new()
    {
        ["NumberOfTrees"] = new UniformIntOption(4, 500, logBase: true, defaultValue: 100),
        ["NumberOfLeaves"] = new UniformIntOption(4, 512, logBase: true, defaultValue: 20),
        ["MinimumExampleCountPerLeaf"] = new UniformIntOption(2, 128, logBase: true, defaultValue: 10),
        ["LearningRate"] = new UniformDoubleOption(1.0 / 1024, 1, logBase: true, defaultValue: 0.2),
        ["FeatureFraction"] = new UniformDoubleOption(0.01, 1, defaultValue: 1),
    };

    /// <summary>FastForest (random forest). Ranges from ML.NET AutoML's FastForest search space (numberOfTrees and
    /// numberOfLeaves log in [4, 32768], capped here at 300 and 512; featureFraction in (0, 1]) and FLAML's
    /// RandomForestEstimator (max_features in [0.1, 1]). Defaults: ML.NET's (100 trees, 20 leaves, 10 examples per
    /// leaf, feature fraction 0.7).</summary>
    public static SearchSpace FastForest() => new()
    {
        ["NumberOfTrees"] = new UniformIntOption(4, 300, logBase: true, defaultValue: 100),
        ["NumberOfLeaves"] = new UniformIntOption(4, 512, logBase: true, defaultValue: 20),
        ["MinimumExampleCountPerLeaf"] = new UniformIntOption(2, 128, logBase: true, defaultValue: 10),
        ["FeatureFraction"] = new UniformDoubleOption(0.1, 1, defaultValue: 0.7),
    };

    /// <summary>Linear models (SDCA, L-BFGS). Ranges from ML.NET AutoML's Sdca and Lbfgs search spaces:
    /// l1Regularization and l2Regularization log in [0.03125, 32768]. Defaults: L-BFGS's 1 and 1 (SDCA's own
    /// default is chosen from the data, which no fixed point can say: its baseline uses ML.NET's defaults).</summary>
    public static SearchSpace Linear() => new()
    {
        ["L1Regularization"] = new UniformDoubleOption(0.03125, 32768, logBase: true, defaultValue: 1),
        ["L2Regularization"] = new UniformDoubleOption(0.03125, 32768, logBase: true, defaultValue: 1),
    };

    /// <summary>The averaged perceptron. Ranges from ML.NET AutoML 0.x's SweepableParams for AveragedPerceptron
    /// (learning rate 0.01 to 1, iterations 1 to 100, L2 0 to 0.4), here continuous and log-scaled. Defaults: ML.NET's
    /// (learning rate 1, 10 iterations, L2 0, here its lower bound 1e-6).</summary>
    public static SearchSpace Perceptron() => new()
    {
        ["LearningRate"] = new UniformDoubleOption(0.01, 1, logBase: true, defaultValue: 1),
        ["NumberOfIterations"] = new UniformIntOption(1, 100, logBase: true, defaultValue: 10),
        ["L2Regularization"] = new UniformDoubleOption(1e-6, 0.4, logBase: true, defaultValue: 1e-6),
    };
}
