namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// A larger conditional, mixed-type problem shaped like a whole ML pipeline: four shared pre-processing parameters,
/// then a <see cref="ConditionalChoiceOption"/> under <c>model</c> that picks one of four learners, each with 6–9
/// parameters of its own (11–14 active parameters in all, counting the selector). Every term is a non-negative
/// (positive-definite) quadratic in the parameter's natural scale (log for log options) or a fixed categorical
/// penalty, so each branch's minimum is its offset and f* = 0 is attained exactly in the <c>network</c> branch.
/// <list type="bullet">
/// <item>Shared: <c>scaler</c> {none 0.20, standard 0, robust 0.03, minmax 0.08}; <c>imputer</c> {mean 0.02,
/// median 0, zero 0.06}; <c>n_features</c> int log [4, 1024]: 0.02 (log2 n − 6)²; <c>holdout</c> double [0.1, 0.5]:
/// 0.5 (h − 0.2)².</item>
/// <item><c>linear</c> (offset 0.25): <c>L_l1</c> log [1e-6, 10]: a = log10 + 4; <c>L_l2</c> log [1e-6, 10]: b = log10 + 2;
/// 0.02a² + 0.03b² + 0.01ab; <c>L_iter</c> int log [10, 10000]: 0.04 (log10 − 3)²; <c>L_tol</c> log [1e-6, 0.1]:
/// 0.01 (log10 + 4)²; <c>L_solver</c> {sgd 0.05, lbfgs 0, sdca 0.02}; <c>L_intercept</c> {yes 0, no 0.1}.</item>
/// <item><c>trees</c> (offset 0.10): <c>T_leaves</c> int log [4, 1024]: 0.02 (log2 − 5)²; <c>T_depth</c> int [2, 16]:
/// 0.005 (d − 8)²; <c>T_lr</c> log [1e-3, 1]: r = log10 + 1 and <c>T_trees</c> int log [10, 2000]: m = log10 − 2,
/// 0.08 (r + m)² + 0.03 m² (rate and rounds trade off); <c>T_subsample</c> [0.3, 1]: 0.3 (s − 0.8)²;
/// <c>T_colsample</c> [0.3, 1]: 0.2 (c − 0.6)²; <c>T_min_child</c> int log [1, 128]: 0.01 (log2 − 3)²;
/// <c>T_booster</c> {gbdt 0, dart 0.02, goss 0.04}.</item>
/// <item><c>network</c> (offset 0): <c>N_layers</c> int [1, 6]: ℓ = n − 3 and <c>N_units</c> int log [16, 1024]:
/// u = log2 − 7, 0.03ℓ² + 0.02u² + 0.01ℓu; <c>N_lr</c> log [1e-5, 0.1]: q = log10 + 3 and <c>N_batch</c> int log
/// [16, 512]: t = log2 − 6, 0.25q² + 0.05qt + 0.02t²; <c>N_dropout</c> [0, 0.8]: 1.5 (p − 0.2)²; <c>N_wd</c> log
/// [1e-7, 0.01]: 0.01 (log10 + 4)²; <c>N_epochs</c> int [5, 200]: 0.1 ((e − 60) / 50)²; <c>N_activation</c>
/// {relu 0.02, gelu 0, tanh 0.05, sigmoid 0.15}; <c>N_optimizer</c> {sgd 0.08, adam 0.02, adamw 0}.</item>
/// <item><c>knn</c> (offset 0.35): <c>K_k</c> int log [1, 256]: 0.02 (log2 − 4)²; <c>K_p</c> [1, 3]: 0.1 (p − 2)²;
/// <c>K_leaf</c> int [10, 100]: 0.01 ((l − 30) / 30)²; <c>K_scale</c> log [0.01, 100]: 0.05 (log10)²; <c>K_weights</c>
/// {uniform 0.03, distance 0}; <c>K_metric</c> {euclidean 0, manhattan 0.02, cosine 0.05}.</item>
/// </list>
/// The optimum: scaler standard, imputer median, 64 features, holdout 0.2, network with 3 layers of 128 units, lr 1e-3,
/// batch 64, dropout 0.2, weight decay 1e-4, 60 epochs, gelu, adamw (<see cref="Optimum"/>).
/// </summary>
public sealed class Pipeline4Problem : MixedSpaceProblem
{
    /// <summary>The key of the learner selector.</summary>
    public const string ModelKey = "model";

    private static readonly Dictionary<string, double> Scaler = new() { ["none"] = 0.20, ["standard"] = 0, ["robust"] = 0.03, ["minmax"] = 0.08 };
    private static readonly Dictionary<string, double> Imputer = new() { ["mean"] = 0.02, ["median"] = 0, ["zero"] = 0.06 };
    private static readonly Dictionary<string, double> Solver = new() { ["sgd"] = 0.05, ["lbfgs"] = 0, ["sdca"] = 0.02 };
    private static readonly Dictionary<string, double> Intercept = new() { ["yes"] = 0, ["no"] = 0.1 };
    private static readonly Dictionary<string, double> Booster = new() { ["gbdt"] = 0, ["dart"] = 0.02, ["goss"] = 0.04 };
    private static readonly Dictionary<string, double> Activation = new() { ["relu"] = 0.02, ["gelu"] = 0, ["tanh"] = 0.05, ["sigmoid"] = 0.15 };
    private static readonly Dictionary<string, double> Optimizer = new() { ["sgd"] = 0.08, ["adam"] = 0.02, ["adamw"] = 0 };
    private static readonly Dictionary<string, double> Weights = new() { ["uniform"] = 0.03, ["distance"] = 0 };
    private static readonly Dictionary<string, double> Metric = new() { ["euclidean"] = 0, ["manhattan"] = 0.02, ["cosine"] = 0.05 };

    /// <summary>Creates the problem: f* = 0, attained exactly at <see cref="Optimum"/>, where every term is zero.</summary>
    public Pipeline4Problem()
        : base("pipeline4", "Conditional pipeline: 4 shared steps, then linear/trees/network/knn with 6-9 int, log and categorical parameters each; f* = 0 in network",
            CreateSpace(), optimalValue: 0)
    {
    }

    private static SearchSpace CreateSpace()
    {
        var linear = new SearchSpace
        {
            ["L_l1"] = new UniformDoubleOption(1e-6, 10, logBase: true),
            ["L_l2"] = new UniformDoubleOption(1e-6, 10, logBase: true),
            ["L_iter"] = new UniformIntOption(10, 10000, logBase: true),
            ["L_tol"] = new UniformDoubleOption(1e-6, 0.1, logBase: true),
            ["L_solver"] = Choice(Solver),
            ["L_intercept"] = Choice(Intercept),
        };
        var trees = new SearchSpace
        {
            ["T_leaves"] = new UniformIntOption(4, 1024, logBase: true),
            ["T_depth"] = new UniformIntOption(2, 16),
            ["T_lr"] = new UniformDoubleOption(1e-3, 1, logBase: true),
            ["T_trees"] = new UniformIntOption(10, 2000, logBase: true),
            ["T_subsample"] = new UniformDoubleOption(0.3, 1),
            ["T_colsample"] = new UniformDoubleOption(0.3, 1),
            ["T_min_child"] = new UniformIntOption(1, 128, logBase: true),
            ["T_booster"] = Choice(Booster),
        };
        var network = new SearchSpace
        {
            ["N_layers"] = new UniformIntOption(1, 6),
            ["N_units"] = new UniformIntOption(16, 1024, logBase: true),
            ["N_lr"] = new UniformDoubleOption(1e-5, 0.1, logBase: true),
            ["N_batch"] = new UniformIntOption(16, 512, logBase: true),
            ["N_dropout"] = new UniformDoubleOption(0, 0.8),
            ["N_wd"] = new UniformDoubleOption(1e-7, 0.01, logBase: true),
            ["N_epochs"] = new UniformIntOption(5, 200),
            ["N_activation"] = Choice(Activation),
            ["N_optimizer"] = Choice(Optimizer),
        };
        var knn = new SearchSpace
        {
            ["K_k"] = new UniformIntOption(1, 256, logBase: true),
            ["K_p"] = new UniformDoubleOption(1, 3),
            ["K_leaf"] = new UniformIntOption(10, 100),
            ["K_scale"] = new UniformDoubleOption(0.01, 100, logBase: true),
            ["K_weights"] = Choice(Weights),
            ["K_metric"] = Choice(Metric),
        };
        return new SearchSpace
        {
            ["scaler"] = Choice(Scaler),
            ["imputer"] = Choice(Imputer),
            ["n_features"] = new UniformIntOption(4, 1024, logBase: true),
            ["holdout"] = new UniformDoubleOption(0.1, 0.5),
            [ModelKey] = new ConditionalChoiceOption(("linear", linear), ("trees", trees), ("network", network), ("knn", knn)),
        };
    }

    /// <summary>The point where f = f* = 0.</summary>
    public static Parameter Optimum => Parameter.CreateNestedParameter(
    [
        KeyValuePair.Create("scaler", Parameter.FromString("standard")),
        KeyValuePair.Create("imputer", Parameter.FromString("median")),
        KeyValuePair.Create("n_features", Parameter.FromInt(64)),
        KeyValuePair.Create("holdout", Parameter.FromDouble(0.2)),
        KeyValuePair.Create(ModelKey, Parameter.FromString("network")),
        KeyValuePair.Create("N_layers", Parameter.FromInt(3)),
        KeyValuePair.Create("N_units", Parameter.FromInt(128)),
        KeyValuePair.Create("N_lr", Parameter.FromDouble(1e-3)),
        KeyValuePair.Create("N_batch", Parameter.FromInt(64)),
        KeyValuePair.Create("N_dropout", Parameter.FromDouble(0.2)),
        KeyValuePair.Create("N_wd", Parameter.FromDouble(1e-4)),
        KeyValuePair.Create("N_epochs", Parameter.FromInt(60)),
        KeyValuePair.Create("N_activation", Parameter.FromString("gelu")),
        KeyValuePair.Create("N_optimizer", Parameter.FromString("adamw")),
    ]);

    /// <inheritdoc />
    protected override double Compute(Parameter parameter)
    {
        double V(string key) => parameter[key].AsDouble();
        double C(Dictionary<string, double> penalties, string key) => penalties[parameter[key].AsString()];

        var shared = C(Scaler, "scaler") + C(Imputer, "imputer")
                     + 0.02 * Square(Math.Log2(V("n_features")) - 6) + 0.5 * Square(V("holdout") - 0.2);
        return shared + parameter[ModelKey].AsString() switch
        {
            "linear" => Linear(),
            "trees" => Trees(),
            "network" => Network(),
            _ => Knn(),
        };

        double Linear()
        {
            var a = Math.Log10(V("L_l1")) + 4;
            var b = Math.Log10(V("L_l2")) + 2;
            return 0.25 + 0.02 * a * a + 0.03 * b * b + 0.01 * a * b
                   + 0.04 * Square(Math.Log10(V("L_iter")) - 3) + 0.01 * Square(Math.Log10(V("L_tol")) + 4)
                   + C(Solver, "L_solver") + C(Intercept, "L_intercept");
        }

        double Trees()
        {
            var r = Math.Log10(V("T_lr")) + 1;
            var m = Math.Log10(V("T_trees")) - 2;
            return 0.10 + 0.02 * Square(Math.Log2(V("T_leaves")) - 5) + 0.005 * Square(V("T_depth") - 8)
                   + 0.08 * Square(r + m) + 0.03 * m * m
                   + 0.3 * Square(V("T_subsample") - 0.8) + 0.2 * Square(V("T_colsample") - 0.6)
                   + 0.01 * Square(Math.Log2(V("T_min_child")) - 3) + C(Booster, "T_booster");
        }

        double Network()
        {
            var l = V("N_layers") - 3;
            var u = Math.Log2(V("N_units")) - 7;
            var q = Math.Log10(V("N_lr")) + 3;
            var t = Math.Log2(V("N_batch")) - 6;
            return 0.03 * l * l + 0.02 * u * u + 0.01 * l * u
                   + 0.25 * q * q + 0.05 * q * t + 0.02 * t * t
                   + 1.5 * Square(V("N_dropout") - 0.2) + 0.01 * Square(Math.Log10(V("N_wd")) + 4)
                   + 0.1 * Square((V("N_epochs") - 60) / 50)
                   + C(Activation, "N_activation") + C(Optimizer, "N_optimizer");
        }

        double Knn() => 0.35 + 0.02 * Square(Math.Log2(V("K_k")) - 4) + 0.1 * Square(V("K_p") - 2)
                        + 0.01 * Square((V("K_leaf") - 30) / 30) + 0.05 * Square(Math.Log10(V("K_scale")))
                        + C(Weights, "K_weights") + C(Metric, "K_metric");
    }

    private static double Square(double x) => x * x;

    // Choices in a fixed order (the dictionaries' insertion order), so the space is the same on every run.
    private static ChoiceOption Choice(Dictionary<string, double> penalties) => new(penalties.Keys.Cast<object>().ToArray());
}
