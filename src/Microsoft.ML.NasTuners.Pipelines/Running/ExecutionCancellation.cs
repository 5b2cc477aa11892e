using System.Collections.Concurrent;
using System.Reflection;

namespace Microsoft.ML.NasTuners.Pipelines.Running;

/// <summary>
/// Stops a trial's ML.NET training when its token is cancelled (the trial timed out, the run was cancelled or hit its
/// time limit). Each trial trains in an MLContext of its own, whose cancellation makes that context's trainers stop at
/// their next check, so a long fit does not outlive its trial. Which trials were stopped this way is kept, so the
/// result can say so.
/// </summary>
/// <remarks>ML.NET 5.0.1's MLContext has no public <c>CancelExecution()</c>: it implements it explicitly, for its
/// internal <c>ICancelable</c> interface. It is found here by reflection once; if a later ML.NET moves it,
/// <see cref="IsSupported"/> is false and trials stop only between folds, when the objective sees its token.</remarks>
internal sealed class ExecutionCancellation
{
    private static readonly MethodInfo? CancelMethod = FindCancelExecution();

    private readonly ConcurrentDictionary<int, bool> _cancelled = new();

    /// <summary>True when this ML.NET's MLContext can be cancelled.</summary>
    public static bool IsSupported => CancelMethod is not null;

    /// <summary>Cancels <paramref name="context"/> when <paramref name="token"/> is; dispose the result when the trial ends.</summary>
    public CancellationTokenRegistration Watch(int trialId, MLContext context, CancellationToken token) =>
        token.Register(() =>
        {
            if (Cancel(context)) _cancelled[trialId] = true;
        });

    public bool WasCancelled(int trialId) => _cancelled.ContainsKey(trialId);

    /// <summary>Cancels every fit running in <paramref name="context"/>; false when this ML.NET cannot.</summary>
    public static bool Cancel(MLContext context)
    {
        if (CancelMethod is null) return false;
        CancelMethod.Invoke(context, null);
        return true;
    }

    private static MethodInfo? FindCancelExecution()
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var direct = typeof(MLContext).GetMethod("CancelExecution", flags, Type.EmptyTypes);
        if (direct is not null) return direct;
        // An explicit interface implementation is a private method named "<Interface>.CancelExecution".
        return typeof(MLContext).GetMethods(flags)
            .FirstOrDefault(m => m.Name.EndsWith(".CancelExecution", StringComparison.Ordinal) && m.GetParameters().Length == 0);
    }
}
