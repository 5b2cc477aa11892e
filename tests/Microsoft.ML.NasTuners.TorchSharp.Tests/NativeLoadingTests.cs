using Microsoft.ML.NasTuners.TorchSharp.Native;
using TorchSharp;

namespace Microsoft.ML.NasTuners.TorchSharp.Tests;

public class NativeLoadingTests
{
    [Fact]
    public void Patcher_sets_the_weak_flag_on_exactly_the_GLIBCXX_3_4_32_need_and_changes_no_other_byte()
    {
        if (!OperatingSystem.IsLinux()) return;
        var original = File.ReadAllBytes(TorchTestEnvironment.ShippedLibrary);
        var before = ElfVersionNeeds.Read(original);
        before.Should().Contain(n => n.File == "libstdc++.so.6" && n.Version == TorchNative.AnchorOnlyVersion && !n.IsWeak);

        var patched = (byte[])original.Clone();
        ElfVersionNeeds.MarkWeak(patched, TorchNative.AnchorOnlyVersion).Should().Be(1);

        var after = ElfVersionNeeds.Read(patched);
        after.Should().HaveCount(before.Count);
        for (var i = 0; i < before.Count; i++)
        {
            var expectedFlags = before[i].Version == TorchNative.AnchorOnlyVersion ? (ushort)(before[i].Flags | ElfVersionNeeds.WeakFlag) : before[i].Flags;
            after[i].Should().Be(before[i] with { Flags = expectedFlags });
        }
        var target = before.Single(n => n.Version == TorchNative.AnchorOnlyVersion).FlagsOffset;
        var differing = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToArray();
        differing.Should().Equal((int)target); // vna_flags is little-endian: only its low byte changes (0 -> 2)
        patched[target].Should().Be((byte)(original[target] | 2));

        ElfVersionNeeds.MarkWeak(patched, TorchNative.AnchorOnlyVersion).Should().Be(0, "an already weak need is left alone");
    }

    [Fact]
    public void Patcher_rejects_files_that_are_not_ELF64_little_endian()
    {
        var act = () => ElfVersionNeeds.Read(new byte[100]);
        act.Should().Throw<InvalidDataException>().WithMessage("*ELF*");
        var truncated = File.Exists(TorchTestEnvironment.ShippedLibrary) ? File.ReadAllBytes(TorchTestEnvironment.ShippedLibrary)[..200] : null;
        if (truncated is not null)
            FluentActions.Invoking(() => ElfVersionNeeds.Read(truncated)).Should().Throw<InvalidDataException>().WithMessage("*truncated*");
    }

    [Fact]
    public void Torch_works_after_EnsureLoaded_and_the_copy_is_used_only_where_libstdcxx_lacks_the_version()
    {
        var info = TorchTestEnvironment.Initialise();
        using (var a = torch.ones(3, 4))
        using (var b = torch.full(4, 2, 0.5f))
        using (var c = a.matmul(b))
        using (var sum = c.sum())
        {
            sum.item<float>().Should().Be(12f);
        }
        if (!OperatingSystem.IsLinux()) return;
        var systemHasVersion = TorchNative.SystemCppLibraryHasVersion(TorchNative.AnchorOnlyVersion);
        if (systemHasVersion is { } has) info.UsedCompatibleCopy.Should().Be(!has);
        if (info.UsedCompatibleCopy)
        {
            info.LoadedPath.Should().NotBe(info.OriginalPath);
            ElfVersionNeeds.Read(File.ReadAllBytes(info.LoadedPath!)).Single(n => n.Version == TorchNative.AnchorOnlyVersion).IsWeak.Should().BeTrue();
            File.Exists(Path.Combine(AppContext.BaseDirectory, "cpu", TorchNative.LibraryFileName))
                .Should().BeFalse("TorchSharp's own fallback, which copies all of libtorch, must not have run");
        }
        TorchNative.EnsureLoaded().Should().BeSameAs(info);
    }
}
