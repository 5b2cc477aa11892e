using Microsoft.ML.NasTuners;
using Microsoft.ML.NasTuners.Tuners;

// nas-tuners-probe tpe-extreme-ranges [--multivariate] [--trials N]
// Runs TPE on a space of the widest ranges validation accepts and checks every proposal lies inside them.
// Exit 0: every proposal valid; 1: a tuner threw (message on stderr); 2: a proposal left the space; 64: bad usage.
if (args.Length == 0 || args[0] != "tpe-extreme-ranges")
{
    Console.Error.WriteLine("usage: probe tpe-extreme-ranges [--multivariate] [--trials N]");
    return 64;
}
var multivariate = args.Contains("--multivariate");
var trialsAt = Array.IndexOf(args, "--trials");
var trials = trialsAt >= 0 ? int.Parse(args[trialsAt + 1], System.Globalization.CultureInfo.InvariantCulture) : 40;

var space = new SearchSpace
{
    // Width 1.78e308: just under double.MaxValue, so the range is finite and accepted.
    ["wide"] = new UniformDoubleOption(-8.9e307, 8.9e307),
    ["tiny"] = new UniformDoubleOption(1e-300, 2e-300),
    ["log"] = new UniformDoubleOption(1e-300, 1e300, logBase: true),
    ["int"] = new UniformIntOption(int.MinValue + 1, int.MaxValue - 1),
    ["flat"] = new UniformDoubleOption(5, 5),
};
var view = space.ModelView;
var tuner = new TpeTuner(space, new TpeOptions { Multivariate = multivariate }, seed: 3);
try
{
    for (var id = 0; id < trials; id++)
    {
        var settings = new TrialSettings { TrialId = id };
        settings.Parameter = tuner.Propose(settings);
        var values = view.Encode(settings.Parameter);
        for (var i = 0; i < view.Count; i++)
        {
            var d = view.Dimensions[i];
            var u = d.ToUnit(values[i]);
            if (!(u >= 0 && u <= 1))
            {
                Console.Error.WriteLine($"trial {id}: '{d.Name}' = {values[i]} lies outside its range.");
                return 2;
            }
        }
        // A loss every parameter moves, finite whatever the values: the distance in the unit cube to a fixed point.
        var loss = Enumerable.Range(0, view.Count).Sum(i => Math.Abs(view.Dimensions[i].ToUnit(values[i]) - 0.3));
        tuner.Update(new TrialResult { TrialSettings = settings, Loss = loss });
    }
}
catch (Exception e)
{
    Console.Error.WriteLine($"{e.GetType().Name}: {e.Message}");
    return 1;
}
Console.WriteLine($"{trials} proposals inside the space");
return 0;
