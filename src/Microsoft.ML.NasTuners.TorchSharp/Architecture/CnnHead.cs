namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>The classifier head: global average pooling, an optional hidden layer, dropout, then a linear layer to
/// the class scores.</summary>
/// <param name="Dropout">Dropout probability before the last linear layer, in [0, 1) (the search space uses [0, 0.5]).
/// Default 0.</param>
/// <param name="HiddenUnits">Width of the optional hidden linear layer (followed by the last stage's activation);
/// null for none (the default).</param>
public sealed record CnnHead(double Dropout = 0, int? HiddenUnits = null)
{
    internal void Validate()
    {
        if (!(Dropout >= 0 && Dropout < 1)) throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "Head dropout must lie in [0, 1).");
        if (HiddenUnits is < 1) throw new ArgumentOutOfRangeException(nameof(HiddenUnits), HiddenUnits, "Head HiddenUnits must be at least 1 (or null for no hidden layer).");
    }
}
