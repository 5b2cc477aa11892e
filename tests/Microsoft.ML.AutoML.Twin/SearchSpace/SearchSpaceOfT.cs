using System.Reflection;
using Microsoft.ML.SearchSpace.Option;

namespace Microsoft.ML.SearchSpace;

/// <summary>A space read from <typeparamref name="T"/>'s public properties that carry Microsoft.ML.Core's
/// <c>[Range]</c>, <c>[Choice]</c>, <c>[BooleanChoice]</c> or <c>[NestOption]</c>.</summary>
public sealed class SearchSpace<T> : SearchSpace
    where T : class, new()
{
    public SearchSpace() => AddOptionsOf(this, typeof(T));

    public SearchSpace(T defaultOption)
    {
        AddOptionsOf(this, typeof(T));
        DefaultOption = Parameter.FromObject(defaultOption);
    }

    public new T SampleFromFeatureSpace(double[] feature) => base.SampleFromFeatureSpace(feature).AsType<T>();

    private static void AddOptionsOf(IDictionary<string, OptionBase> space, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<RangeAttribute>() is { } range)
            {
                space[property.Name] = range.Min switch
                {
                    int min => new UniformIntOption(min, (int)range.Max, range.LogBase, (int?)range.Init),
                    float min => new UniformSingleOption(min, (float)range.Max, range.LogBase, (float?)range.Init),
                    _ => new UniformDoubleOption((double)range.Min, (double)range.Max, range.LogBase, (double?)range.Init),
                };
            }
            else if (property.GetCustomAttribute<ChoiceAttribute>() is { } choice)
            {
                space[property.Name] = choice.DefaultValue is null ? new ChoiceOption(choice.Candidates) : new ChoiceOption(choice.Candidates, choice.DefaultValue);
            }
            else if (property.GetCustomAttribute<BooleanChoiceAttribute>() is { } boolean)
            {
                space[property.Name] = new ChoiceOption([true, false], boolean.DefaultValue);
            }
            else if (property.GetCustomAttribute<NestOptionAttribute>() is not null)
            {
                var nested = new Option.SearchSpace();
                AddOptionsOf(nested, property.PropertyType);
                space[property.Name] = nested;
            }
        }
    }
}
