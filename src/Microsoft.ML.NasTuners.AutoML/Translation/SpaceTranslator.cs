namespace Microsoft.ML.NasTuners.AutoML;

/// <summary>Turns AutoML's experiment-level search space into ours: numbers, choices, nested spaces, pipelines (as
/// conditional spaces) and the training-set sub-sampling ratio (as the budget).</summary>
internal sealed class SpaceTranslator(AutoMLParameters parameters)
{
    /// <summary>The translation of the experiment's space <paramref name="space"/>.</summary>
    /// <exception cref="NotSupportedException">An option of a kind the bridge does not know; the message names its key.</exception>
    public ExperimentTranslation TranslateExperiment(object space)
    {
        if (!AutoMLOptions.IsSearchSpace(space))
            throw new ArgumentException($"The experiment's search space is a {space.GetType().FullName}, not a search space.", nameof(space));
        SubSamplingTranslation? subSampling = null;
        var entries = new List<KeyValuePair<string, IOptionTranslation>>();
        foreach (var (key, option) in AutoMLOptions.Entries(space))
        {
            var ratio = SubSamplingTranslation.TryFrom(key, option, parameters);
            subSampling ??= ratio;
            entries.Add(KeyValuePair.Create(key, ratio ?? Translate(key, option)));
        }
        return new ExperimentTranslation(new NestedSpaceTranslation(parameters, space, entries), subSampling);
    }

    private IOptionTranslation Translate(string path, object option)
    {
        if (NumericTranslation.Handles(option)) return NumericTranslation.From(option, parameters);
        if (ChoiceTranslation.Handles(option)) return ChoiceTranslation.From(option);
        if (AutoMLOptions.IsSearchSpace(option)) return TranslateSpace(path, option);
        throw new NotSupportedException(
            $"Search-space option '{path}' is a {option.GetType().FullName}; the bridge translates {AutoMLOptions.Namespace}'s "
            + "UniformIntOption, UniformSingleOption, UniformDoubleOption, ChoiceOption and nested search spaces.");
    }

    private IOptionTranslation TranslateSpace(string path, object space)
    {
        var entries = AutoMLOptions.Entries(space)
            .Select(e => KeyValuePair.Create(e.Key, Translate($"{path}.{e.Key}", e.Value)))
            .ToList();
        var schema = entries.FirstOrDefault(e => e.Key == PipelineSpaceTranslation.SchemaKey).Value as ChoiceTranslation;
        var schemaNames = schema?.Choices.Select(AutoMLParameters.StringOf).ToArray();
        // Without a schema, or with one that is not a choice of strings, it is a plain nested space.
        if (schema is null || schemaNames!.Any(n => n is null))
            return new NestedSpaceTranslation(parameters, space, entries);
        return new PipelineSpaceTranslation(parameters, space, entries.Select(e => e.Key).ToList(),
            entries.Where(e => e.Key != PipelineSpaceTranslation.SchemaKey).ToList(), schema, schemaNames!);
    }
}
