using System.Reflection;
using Microsoft.ML.SearchSpace;

namespace Microsoft.ML.NasTuners;

/// <summary>
/// A search space built from the public properties and fields of <typeparamref name="T"/> that carry ML.NET's
/// <see cref="RangeAttribute"/>, <see cref="ChoiceAttribute"/>, <see cref="BooleanChoiceAttribute"/> or
/// <see cref="NestOptionAttribute"/>. Proposals convert back to <typeparamref name="T"/>.
/// </summary>
public sealed class SearchSpace<T> : SearchSpace
    where T : class, new()
{
    /// <summary>Creates the space with the attributes' defaults.</summary>
    public SearchSpace()
        : base(OptionsOf(typeof(T), defaults: null))
    {
    }

    /// <summary>Creates the space with the values of <paramref name="defaultOption"/> as defaults.</summary>
    public SearchSpace(T defaultOption)
        : base(OptionsOf(typeof(T), defaultOption ?? throw new ArgumentNullException(nameof(defaultOption))))
    {
    }

    /// <summary>The typed value at a point of the feature space.</summary>
    public new T SampleFromFeatureSpace(double[] feature) => base.SampleFromFeatureSpace(feature).AsType<T>();

    /// <summary>The feature-space point of a typed value.</summary>
    public double[] MappingToFeatureSpace(T value) => base.MappingToFeatureSpace(Parameter.FromObject(value));

    private static IEnumerable<KeyValuePair<string, OptionBase>> OptionsOf(Type type, object? defaults)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance;
        var members = type.GetProperties(flags).Where(p => p.CanWrite).Cast<MemberInfo>().Concat(type.GetFields(flags));
        foreach (var member in members)
        {
            var memberType = member is PropertyInfo p ? p.PropertyType : ((FieldInfo)member).FieldType;
            var current = defaults is null ? null : member is PropertyInfo pi ? pi.GetValue(defaults) : ((FieldInfo)member).GetValue(defaults);
            OptionBase? option;
            try
            {
                option = OptionFor(member, memberType, current);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"Search-space parameter '{member.Name}' of {type.Name}: {e.Message}", member.Name, e);
            }
            if (option is not null)
                yield return KeyValuePair.Create(member.Name, option);
        }
    }

    private static OptionBase? OptionFor(MemberInfo member, Type memberType, object? current)
    {
        if (member.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            var logBase = range.LogBase;
            return range.Min switch
            {
                int min => new UniformIntOption(min, (int)range.Max, logBase, current is null ? (int?)range.Init : Convert.ToInt32(current)),
                float min => new UniformSingleOption(min, (float)range.Max, logBase, current is null ? (float?)range.Init : Convert.ToSingle(current)),
                double min => new UniformDoubleOption(min, (double)range.Max, logBase, current is null ? (double?)range.Init : Convert.ToDouble(current)),
                _ => throw new ArgumentException($"[Range] bounds of type {range.Min?.GetType().Name} are not supported."),
            };
        }
        if (member.GetCustomAttribute<ChoiceAttribute>() is { } choice)
            return new ChoiceOption(choice.Candidates, current ?? choice.DefaultValue);
        if (member.GetCustomAttribute<BooleanChoiceAttribute>() is { } boolean)
            return new ChoiceOption([true, false], current ?? boolean.DefaultValue);
        if (member.GetCustomAttribute<NestOptionAttribute>() is not null)
            return new SearchSpace(OptionsOf(memberType, current));
        return null;
    }
}
