using Microsoft.ML.NasTuners.TorchSharp.Native;
using TorchSharp;

namespace Microsoft.ML.NasTuners.TorchSharp.Tests;

/// <summary>Loads the native library once and keeps torch to one thread: the test machine's cores are shared.</summary>
internal static class TorchTestEnvironment
{
    private static readonly Lazy<TorchNativeLoadInfo> Loaded = new(() =>
    {
        var info = TorchNative.EnsureLoaded();
        torch.set_num_threads(1);
        return info;
    });

    public static TorchNativeLoadInfo Initialise() => Loaded.Value;

    /// <summary>The libLibTorchSharp.so that the package copied next to the tests.</summary>
    public static string ShippedLibrary =>
        Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", TorchNative.LibraryFileName);
}
