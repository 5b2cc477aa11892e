using System.Reflection;

namespace Microsoft.ML.NasTuners.AutoML;

/// <summary>The object that implements the user's <c>Microsoft.ML.AutoML.ITuner</c> at run time: each call goes to
/// the <see cref="TunerBridge"/>.</summary>
/// <remarks>Not sealed and with a public constructor: <see cref="DispatchProxy"/> derives the proxy type from it.</remarks>
internal class AutoMLTunerProxy : DispatchProxy
{
    private TunerBridge? _bridge;

    /// <summary>The bridge behind a proxy made by <see cref="Create{TTuner}"/>; null for other objects.</summary>
    internal static TunerBridge? BridgeOf(object tuner) => (tuner as AutoMLTunerProxy)?._bridge;

    /// <summary>An object of AutoML's <typeparamref name="TTuner"/> that forwards to <paramref name="bridge"/>.</summary>
    internal static TTuner Create<TTuner>(TunerBridge bridge)
        where TTuner : class
    {
        var proxy = DispatchProxy.Create<TTuner, AutoMLTunerProxy>();
        ((AutoMLTunerProxy)(object)proxy)._bridge = bridge;
        return proxy;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var bridge = _bridge ?? throw new InvalidOperationException("The AutoML tuner proxy has no bridge.");
        switch (targetMethod?.Name)
        {
            case "Propose" when args is [{ } settings]:
                return bridge.Propose(settings);
            case "Update" when args is [{ } result]:
                bridge.Update(result);
                return null;
            default:
                throw new NotSupportedException($"The bridge implements ITuner.Propose and ITuner.Update, not {targetMethod?.Name}.");
        }
    }
}
