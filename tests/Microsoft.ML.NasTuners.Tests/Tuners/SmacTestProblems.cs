namespace Microsoft.ML.NasTuners.Tests.Tuners;

/// <summary>Small objectives for the SMAC tests: Hartmann-6, Branin and the conditional mixed3 problem.</summary>
internal static class SmacTestProblems
{
    public static NasTuners.SearchSpace Hartmann6Space()
    {
        var space = new NasTuners.SearchSpace();
        for (var i = 0; i < 6; i++) space[$"x{i}"] = new UniformDoubleOption(0, 1);
        return space;
    }

    private static readonly double[] HartmannAlpha = [1.0, 1.2, 3.0, 3.2];
    private static readonly double[,] HartmannA =
    {
        { 10, 3, 17, 3.5, 1.7, 8 }, { 0.05, 10, 17, 0.1, 8, 14 }, { 3, 3.5, 1.7, 10, 17, 8 }, { 17, 8, 0.05, 10, 0.1, 14 },
    };
    private static readonly double[,] HartmannP =
    {
        { 0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886 }, { 0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991 },
        { 0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650 }, { 0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381 },
    };

    /// <summary>Hartmann-6 on [0,1]^6; minimum -3.32237.</summary>
    public static double Hartmann6(Parameter p)
    {
        double result = 0;
        for (var i = 0; i < 4; i++)
        {
            double inner = 0;
            for (var j = 0; j < 6; j++)
            {
                var d = p[$"x{j}"].AsDouble() - HartmannP[i, j];
                inner += HartmannA[i, j] * d * d;
            }
            result -= HartmannAlpha[i] * Math.Exp(-inner);
        }
        return result;
    }

    public static NasTuners.SearchSpace BraninSpace() => new()
    {
        ["x"] = new UniformDoubleOption(-5, 10),
        ["y"] = new UniformDoubleOption(0, 15),
    };

    /// <summary>Branin; minimum 0.397887.</summary>
    public static double Branin(Parameter p)
    {
        var x = p["x"].AsDouble();
        var y = p["y"].AsDouble();
        var b = 5.1 / (4 * Math.PI * Math.PI);
        var c = 5 / Math.PI;
        var t = y - b * x * x + c * x - 6;
        return t * t + 10 * (1 - 1 / (8 * Math.PI)) * Math.Cos(x) + 10;
    }

    /// <summary>The mixed3 objective on <see cref="SearchSpaces.TestSpaces.Mixed3"/>: a quadratic per branch with
    /// minima 0.30 (A), 0.10 (B) and 0 (C).</summary>
    public static double Mixed3(Parameter p)
    {
        double V(string key) => p[key].AsDouble();
        switch (p["branch"].AsString())
        {
            case "A":
            {
                var u = Math.Log10(V("A_C")) - 2.5;
                var v = Math.Log10(V("A_gamma")) + 2;
                return 0.30 + 0.05 * u * u + 0.10 * v * v + 0.04 * u * v;
            }
            case "B":
            {
                var a = Math.Log10(V("B_n"));
                var q = Math.Log10(V("B_lr"));
                var depth = V("B_depth") - 6;
                return 0.10 + 0.20 * (a + q - 1) * (a + q - 1) + 0.05 * (a - 2) * (a - 2) + 0.02 * depth * depth;
            }
            default:
            {
                var a = Math.Log2(V("C_units")) - 8;
                var e = V("C_dropout") - 0.25;
                var l = Math.Log10(V("C_lr")) + 3;
                return 0.10 * a * a + 0.10 * a * e + 2.0 * e * e + 0.30 * l * l;
            }
        }
    }

    /// <summary>Runs a tuner sequentially and returns every proposal with its loss.</summary>
    public static List<(Parameter Parameter, double Loss)> Run(ITuner tuner, Func<Parameter, double> objective, int trials)
    {
        var history = new List<(Parameter, double)>();
        for (var id = 0; id < trials; id++)
        {
            var settings = new TrialSettings { TrialId = id };
            var parameter = tuner.Propose(settings);
            settings.Parameter = parameter;
            var loss = objective(parameter);
            tuner.Update(new TrialResult { TrialSettings = settings, Loss = loss });
            history.Add((parameter, loss));
        }
        return history;
    }
}
