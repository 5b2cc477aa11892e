namespace Microsoft.ML.NasTuners.TorchSharp.Native;

/// <summary>How TorchSharp's native library was loaded by <see cref="TorchNative.EnsureLoaded"/>.</summary>
/// <param name="OriginalPath">The <c>libLibTorchSharp</c> file that TorchSharp ships, when it was found; null when
/// TorchSharp's own loader found the library (for example on Windows and macOS).</param>
/// <param name="LoadedPath">The file actually loaded: the original, or the compatible copy; null when TorchSharp's own
/// loader chose it.</param>
/// <param name="UsedCompatibleCopy">True when the system C++ library lacked <c>GLIBCXX_3.4.32</c> and a copy of the
/// library that needs that version only weakly was loaded instead.</param>
public sealed record TorchNativeLoadInfo(string? OriginalPath, string? LoadedPath, bool UsedCompatibleCopy);
