namespace Microsoft.ML.SearchSpace;

public enum ParameterType
{
    Integer,
    Number,
    Bool,
    String,
    Object,
    Array,
}
