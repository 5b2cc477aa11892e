namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>A node of the tree of a conditional space: the dimensions that are active under the same condition (all
/// unconditional dimensions form the root node; the parameters of one branch form another). Every trial has either
/// all of a node's dimensions active or none.</summary>
internal sealed class TpeNode(int[] dimensions)
{
    /// <summary>Indices into the model view, ascending.</summary>
    public int[] Dimensions { get; } = dimensions;

    /// <summary>True when the node is active at a (possibly partly filled) point.</summary>
    public bool IsActiveIn(ModelView view, double[] values) => view.IsActive(Dimensions[0], values);

    /// <summary>True when a trial's point has the node active.</summary>
    public bool IsObservedIn(double[] values)
    {
        foreach (var d in Dimensions)
        {
            if (double.IsNaN(values[d])) return false;
        }
        return true;
    }

    /// <summary>Groups a view's dimensions into nodes, in the order of their first dimension, so that a node's
    /// parent selector always belongs to an earlier node.</summary>
    public static TpeNode[] Build(ModelView view)
    {
        var keys = new List<string>();
        var members = new List<List<int>>();
        for (var i = 0; i < view.Count; i++)
        {
            var condition = view.Dimensions[i].Condition;
            var key = condition is null ? "" : $"{condition.ParentIndex}:{string.Join(",", condition.ActiveValues.Order())}";
            var at = keys.IndexOf(key);
            if (at < 0)
            {
                keys.Add(key);
                members.Add([]);
                at = keys.Count - 1;
            }
            members[at].Add(i);
        }
        return members.Select(m => new TpeNode(m.ToArray())).ToArray();
    }
}
