namespace Microsoft.ML.NasTuners.Architectures;

/// <summary>Draws random architectures that no trial has taken yet, for tuners that must not repeat one.</summary>
internal static class UnseenArchitecture
{
    /// <summary>Draws uniform points of <paramref name="view"/> until one whose key is not <paramref name="taken"/>.
    /// After <paramref name="maxDraws"/> draws the last one is returned even if taken: the space is nearly exhausted,
    /// and a repeat is better than no proposal.</summary>
    /// <param name="view">The model view to sample.</param>
    /// <param name="random">The source of randomness.</param>
    /// <param name="key">The key that identifies an architecture (equal for twins).</param>
    /// <param name="taken">True for the keys already proposed.</param>
    /// <param name="maxDraws">The most draws; at least 1.</param>
    public static (Parameter Parameter, string Key) Draw(ModelView view, Random random, Func<Parameter, string> key,
        Func<string, bool> taken, int maxDraws)
    {
        (Parameter, string) last = default;
        for (var draw = 0; draw < maxDraws; draw++)
        {
            var parameter = view.Decode(view.Sample(random));
            last = (parameter, key(parameter));
            if (!taken(last.Item2)) break;
        }
        return last;
    }
}
