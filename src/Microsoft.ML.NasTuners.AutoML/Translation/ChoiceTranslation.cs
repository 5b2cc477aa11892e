namespace Microsoft.ML.NasTuners.AutoML;

/// <summary>AutoML's <c>ChoiceOption</c>: a categorical on our side whose values are the choices' JSON texts (so 1,
/// "1" and true stay apart); a proposal goes back as the AutoML choice itself, with its value and type.</summary>
internal sealed class ChoiceTranslation : IOptionTranslation
{
    private readonly object[] _choices;
    private readonly string[] _labels;
    private readonly object _default;

    private ChoiceTranslation(object[] choices, string[] labels, int defaultIndex)
    {
        _choices = choices;
        _labels = labels;
        _default = choices[defaultIndex];
        Ours = new ChoiceOption(labels.Cast<object>().ToArray(), labels[defaultIndex]);
    }

    public OptionBase Ours { get; }

    /// <summary>The position of AutoML's default choice.</summary>
    public int DefaultIndex => ((ChoiceOption)Ours).DefaultIndex;

    /// <summary>The AutoML choices (<c>Parameter</c>s), in order.</summary>
    public IReadOnlyList<object> Choices => _choices;

    public static bool Handles(object option) => AutoMLOptions.KindOf(option) == "ChoiceOption";

    public static ChoiceTranslation From(object option)
    {
        var choices = Reflected.Get<Array>(option, "Choices").Cast<object>().ToArray();
        if (choices.Length == 0) throw new ArgumentException("An AutoML choice option has no choices.", nameof(option));
        var labels = choices.Select(AutoMLParameters.JsonOf).ToArray();
        // Distinct values can still print alike (1 and 1.0); their positions then tell them apart.
        if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Length)
            labels = labels.Select((label, i) => $"{i}:{label}").ToArray();
        var defaultJson = AutoMLParameters.JsonOf(AutoMLOptions.DefaultSample(option));
        var defaultIndex = Math.Max(0, Array.FindIndex(choices, c => AutoMLParameters.JsonOf(c) == defaultJson));
        return new ChoiceTranslation(choices, labels, defaultIndex);
    }

    public object ToAutoML(Parameter? ours, double subSamplingRatio) => ours is null ? _default : _choices[IndexOf(ours.AsString())];

    /// <summary>The position of the choice our side calls <paramref name="label"/>.</summary>
    public int IndexOf(string label)
    {
        var index = Array.IndexOf(_labels, label);
        return index >= 0 ? index : throw new ArgumentException($"'{label}' is not one of the choices [{string.Join(", ", _labels)}].", nameof(label));
    }
}
