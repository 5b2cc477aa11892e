namespace Microsoft.ML.NasTuners.AutoML.Tests;

using Microsoft.ML.SearchSpace;
using Microsoft.ML.SearchSpace.Option;
using AutoMLParameter = Microsoft.ML.SearchSpace.Parameter;

/// <summary>What makes a parameter one that AutoML's own <c>SampleFromFeatureSpace</c> could have produced for a
/// space: every key, and no other but those AutoML's own sample has (the unsearched properties of a default object,
/// with their values); ints as integers within the range, singles and doubles as numbers within the range, each choice
/// one of the choices with its type.</summary>
internal static class AutoMLProposals
{
    /// <summary>The ways <paramref name="value"/> is not a sample of <paramref name="option"/>; empty when it is one.</summary>
    public static IEnumerable<string> Problems(OptionBase option, AutoMLParameter value, string path = "$")
    {
        switch (option)
        {
            case IDictionary<string, OptionBase> space:
                if (value.ParameterType != ParameterType.Object)
                {
                    yield return $"{path}: a {value.ParameterType} where a nested parameter belongs";
                    yield break;
                }
                var autoMLSample = option.SampleFromFeatureSpace(option.Default!);
                foreach (var unsearched in autoMLSample.Keys.Except(space.Keys).Except(value.Keys))
                    yield return $"{path}.{unsearched}: missing, though AutoML's samples hold it";
                foreach (var extra in value.Keys.Except(space.Keys))
                {
                    if (!autoMLSample.TryGetValue(extra, out var fixedValue))
                        yield return $"{path}.{extra}: not in the space";
                    else if (fixedValue.ToString() != value[extra].ToString())
                        yield return $"{path}.{extra}: {value[extra]} where AutoML's samples hold {fixedValue}";
                }
                foreach (var (key, child) in space)
                {
                    if (!value.ContainsKey(key))
                        yield return $"{path}.{key}: missing";
                    else
                        foreach (var problem in Problems(child, value[key], $"{path}.{key}")) yield return problem;
                }
                break;
            case ChoiceOption choice:
                if (!choice.Choices.Any(c => c.ParameterType == value.ParameterType && c.ToString() == value.ToString()))
                    yield return $"{path}: {value} ({value.ParameterType}) is not one of [{string.Join(", ", choice.Choices.Select(c => c.ToString()))}]";
                break;
            case UniformNumericOption numeric:
                var type = option is UniformIntOption ? ParameterType.Integer : ParameterType.Number;
                if (value.ParameterType != type)
                    yield return $"{path}: a {value.ParameterType} where a {type} belongs";
                else if (!(value.AsType<double>() >= numeric.Min && value.AsType<double>() <= numeric.Max))
                    yield return $"{path}: {value} outside [{numeric.Min}, {numeric.Max}]";
                break;
        }
    }
}
