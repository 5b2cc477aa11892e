using System.Globalization;
using Microsoft.ML.Data;

namespace Microsoft.ML.NasTuners.TorchSharp.MLNet;

/// <summary>The key values of a label column kept as text with their item type, so that a saved model restores the
/// same annotation on its predicted-label column.</summary>
internal sealed record KeyValuesStore(string ItemType, string[] Values)
{
    private const string Kind = "KeyValues";

    public static KeyValuesStore? From(DataViewSchema.Column column)
    {
        if (column.Annotations.Schema.GetColumnOrNull(Kind) is not { Type: VectorDataViewType { ItemType: var itemType } }) return null;
        string[] Read<T>(Func<T, string> format)
        {
            VBuffer<T> values = default;
            column.Annotations.GetValue(Kind, ref values);
            return values.DenseValues().Select(format).ToArray();
        }
        return itemType switch
        {
            TextDataViewType => new("Text", Read<ReadOnlyMemory<char>>(v => v.ToString())),
            NumberDataViewType n when n.RawType == typeof(float) => new("Single", Read<float>(v => v.ToString("R", CultureInfo.InvariantCulture))),
            NumberDataViewType n when n.RawType == typeof(double) => new("Double", Read<double>(v => v.ToString("R", CultureInfo.InvariantCulture))),
            NumberDataViewType n when n.RawType == typeof(int) => new("Int32", Read<int>(v => v.ToString(CultureInfo.InvariantCulture))),
            NumberDataViewType n when n.RawType == typeof(long) => new("Int64", Read<long>(v => v.ToString(CultureInfo.InvariantCulture))),
            NumberDataViewType n when n.RawType == typeof(uint) => new("UInt32", Read<uint>(v => v.ToString(CultureInfo.InvariantCulture))),
            BooleanDataViewType => new("Boolean", Read<bool>(v => v ? "true" : "false")),
            _ => null, // other item types are rare for labels; the predicted label then has no key values
        };
    }

    /// <summary>The key-values annotation for the predicted label.</summary>
    public DataViewSchema.Annotations ToAnnotations()
    {
        var builder = new DataViewSchema.Annotations.Builder();
        void Add<T>(PrimitiveDataViewType type, Func<string, T> parse)
        {
            var values = Values.Select(parse).ToArray();
            builder.Add(Kind, new VectorDataViewType(type, values.Length), Getter(values));
        }
        switch (ItemType)
        {
            case "Single": Add(NumberDataViewType.Single, s => float.Parse(s, CultureInfo.InvariantCulture)); break;
            case "Double": Add(NumberDataViewType.Double, s => double.Parse(s, CultureInfo.InvariantCulture)); break;
            case "Int32": Add(NumberDataViewType.Int32, s => int.Parse(s, CultureInfo.InvariantCulture)); break;
            case "Int64": Add(NumberDataViewType.Int64, s => long.Parse(s, CultureInfo.InvariantCulture)); break;
            case "UInt32": Add(NumberDataViewType.UInt32, s => uint.Parse(s, CultureInfo.InvariantCulture)); break;
            case "Boolean": Add(BooleanDataViewType.Instance, s => s == "true"); break;
            default: Add(TextDataViewType.Instance, s => s.AsMemory()); break;
        }
        return builder.ToAnnotations();
    }

    /// <summary>Slot names for the score column (as ML.NET's multiclass trainers give): the key values as text.</summary>
    public DataViewSchema.Annotations ToSlotNames()
    {
        var builder = new DataViewSchema.Annotations.Builder();
        var names = Values.Select(v => v.AsMemory()).ToArray();
        builder.Add("SlotNames", new VectorDataViewType(TextDataViewType.Instance, names.Length), Getter(names));
        return builder.ToAnnotations();
    }

    // Writes into the caller's buffer, as ML.NET getters must, so the stored array is never shared.
    private static ValueGetter<VBuffer<T>> Getter<T>(T[] values) => (ref VBuffer<T> dst) =>
    {
        var editor = VBufferEditor.Create(ref dst, values.Length);
        values.CopyTo(editor.Values);
        dst = editor.Commit();
    };
}
