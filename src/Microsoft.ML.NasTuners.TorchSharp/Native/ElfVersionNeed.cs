namespace Microsoft.ML.NasTuners.TorchSharp.Native;

/// <summary>One version a shared library needs from another (an entry of its <c>.gnu.version_r</c> section).</summary>
/// <param name="File">The library that must provide the version, for example <c>libstdc++.so.6</c>.</param>
/// <param name="Version">The version name, for example <c>GLIBCXX_3.4.32</c>.</param>
/// <param name="Flags">The entry's <c>vna_flags</c>; bit 0x2 (<c>VER_FLG_WEAK</c>) makes a missing version a warning.</param>
/// <param name="FlagsOffset">The file offset of the two-byte <c>vna_flags</c> field.</param>
internal sealed record ElfVersionNeed(string File, string Version, ushort Flags, long FlagsOffset)
{
    /// <summary>True when the dynamic loader accepts a library that lacks this version.</summary>
    public bool IsWeak => (Flags & ElfVersionNeeds.WeakFlag) != 0;
}
