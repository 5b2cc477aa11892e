using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using TorchTensorLib = TorchSharp;

namespace Microsoft.ML.NasTuners.TorchSharp.Native;

/// <summary>
/// Loads TorchSharp's native library before any torch call, working around one known incompatibility.
/// </summary>
/// <remarks>
/// <para>TorchSharp 0.107's <c>libLibTorchSharp.so</c> records a need for <c>GLIBCXX_3.4.32</c> (GCC 13's C++
/// library) although the only symbol bound to that version, <c>std::ios_base_library_init</c>, is a link anchor
/// that is never called. On systems with an older <c>libstdc++</c> (Debian 12, Ubuntu 22.04) glibc therefore refuses
/// to load the library at all.</para>
/// <para><see cref="EnsureLoaded"/> first tries the shipped library as it is; where that works nothing else happens.
/// Only when the load fails and the system C++ library lacks <c>GLIBCXX_3.4.32</c> does it write a copy whose need
/// for that one version carries <c>VER_FLG_WEAK</c> (so glibc only warns), into a per-user cache directory keyed by
/// the original file's SHA-256 (<c>$NASTUNERS_NATIVE_CACHE</c>, else <c>$XDG_CACHE_HOME</c> or <c>~/.cache</c>, under
/// <c>Microsoft.ML.NasTuners/native</c>; the original's own directory when none is writable). It loads libtorch from
/// its usual place, then the copy, and points TorchSharp's <c>LibTorchSharp</c> imports at the copy; TorchSharp's own
/// probe by name then finds the copy too, because glibc matches the name against the already-loaded library.</para>
/// <para>Every entry point of this package that uses torch calls <see cref="EnsureLoaded"/>; call it yourself before
/// using TorchSharp directly in the same process. The first call does the work; later calls return its result (or
/// throw its exception again).</para>
/// </remarks>
public static class TorchNative
{
    /// <summary>The environment variable that overrides the directory for the compatible copy.</summary>
    public const string CacheDirectoryVariable = "NASTUNERS_NATIVE_CACHE";

    /// <summary>The one version need that is made weak.</summary>
    internal const string AnchorOnlyVersion = "GLIBCXX_3.4.32";

    internal const string LibraryFileName = "libLibTorchSharp.so";
    private const string ImportName = "LibTorchSharp";
    private const string LibtorchFileName = "libtorch.so";

    private static readonly object Gate = new();
    private static TorchNativeLoadInfo? _info;
    private static TorchNativeLoadException? _failure;
    private static IntPtr _compatibleHandle;

    /// <summary>Loads TorchSharp's native library (once per process), using the compatible copy where needed.</summary>
    /// <returns>What was loaded, from where.</returns>
    /// <exception cref="TorchNativeLoadException">The native library cannot be loaded; the message says why and what
    /// to do.</exception>
    public static TorchNativeLoadInfo EnsureLoaded()
    {
        lock (Gate)
        {
            if (_info is not null) return _info;
            if (_failure is not null)
                throw new TorchNativeLoadException(_failure.Message, _failure.InnerException);
            try
            {
                _info = Load();
                return _info;
            }
            catch (TorchNativeLoadException e)
            {
                _failure = e;
                throw;
            }
        }
    }

    private static TorchNativeLoadInfo Load()
    {
        if (!OperatingSystem.IsLinux())
        {
            InitialiseTorch(loaded: null);
            return new TorchNativeLoadInfo(null, null, false);
        }

        var torchAssembly = typeof(TorchTensorLib.torch).Assembly;
        var directories = CandidateDirectories(torchAssembly).ToList();
        var original = FindFile(LibraryFileName, directories);
        if (original is null)
        {
            // Not where TorchSharp's packages put it: let TorchSharp's own search try, and explain if it fails.
            InitialiseTorch(loaded: null);
            return new TorchNativeLoadInfo(null, null, false);
        }

        string firstError;
        try
        {
            NativeLibrary.Load(original);
            InitialiseTorch(original);
            return new TorchNativeLoadInfo(original, original, false);
        }
        catch (DllNotFoundException e)
        {
            firstError = e.Message;
        }

        if (!firstError.Contains(AnchorOnlyVersion, StringComparison.Ordinal) && SystemCppLibraryHasVersion(AnchorOnlyVersion) != false)
            throw new TorchNativeLoadException(Explain(original, firstError));

        var compatible = LoadCompatibleCopy(original, directories, firstError);
        try
        {
            NativeLibrary.SetDllImportResolver(torchAssembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // Someone else resolves TorchSharp's imports; glibc's match by library name still finds the copy.
        }
        InitialiseTorch(compatible);
        return new TorchNativeLoadInfo(original, compatible, true);
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName is ImportName or LibraryFileName ? _compatibleHandle : IntPtr.Zero;

    private static string LoadCompatibleCopy(string original, IReadOnlyList<string> directories, string firstError)
    {
        // The copy lives away from libtorch, so its $ORIGIN run path cannot find libtorch: load libtorch first, and
        // glibc satisfies the copy's needs by the names of the libraries already loaded.
        var originalDirectory = Path.GetDirectoryName(original)!;
        var libtorch = FindFile(LibtorchFileName, [originalDirectory, .. directories, .. NuGetLibtorchDirectories()]);
        if (libtorch is null)
        {
            throw new TorchNativeLoadException(
                $"TorchSharp's native library {original} cannot load on this system ({FirstLine(firstError)}), and " +
                $"{LibtorchFileName} was not found beside it or in the NuGet cache, so no compatible copy can be used. " +
                "Reference the TorchSharp-cpu package (which brings libtorch-cpu-linux-x64) from the application.");
        }
        try
        {
            NativeLibrary.Load(libtorch);
        }
        catch (DllNotFoundException e)
        {
            throw new TorchNativeLoadException(
                $"libtorch ({libtorch}) cannot load on this system: {FirstLine(e.Message)}. Check that the libtorch-cpu " +
                "package matches this machine's architecture and that its files are complete.", e);
        }

        var path = WriteCompatibleCopy(original, firstError);
        try
        {
            _compatibleHandle = NativeLibrary.Load(path);
        }
        catch (DllNotFoundException e)
        {
            throw new TorchNativeLoadException(
                $"TorchSharp's native library needs a newer C++ runtime than this system has. Even with its need for " +
                $"{AnchorOnlyVersion} made weak ({path}), it does not load: {FirstLine(e.Message)}. Install a newer " +
                "libstdc++ (GCC 12 or later: package libstdc++6), or use an older TorchSharp.", e);
        }
        return path;
    }

    private static string WriteCompatibleCopy(string original, string firstError)
    {
        var image = File.ReadAllBytes(original);
        var key = Convert.ToHexString(SHA256.HashData(image))[..16].ToLowerInvariant();
        int changed;
        try
        {
            changed = ElfVersionNeeds.MarkWeak(image, AnchorOnlyVersion);
        }
        catch (InvalidDataException e)
        {
            throw new TorchNativeLoadException(
                $"TorchSharp's native library {original} cannot load ({FirstLine(firstError)}) and cannot be read as an " +
                $"ELF64 file to make a compatible copy: {e.Message} Reinstall the TorchSharp package.", e);
        }
        if (changed == 0)
        {
            throw new TorchNativeLoadException(
                $"TorchSharp's native library {original} cannot load ({FirstLine(firstError)}), and it does not need " +
                $"{AnchorOnlyVersion}, so the known workaround does not apply. Install a newer libstdc++ (package libstdc++6).");
        }

        var errors = new List<string>();
        foreach (var directory in CacheDirectories(key, Path.GetDirectoryName(original)!))
        {
            var target = Path.Combine(directory, directory == Path.GetDirectoryName(original) ? $"libLibTorchSharp.{key}.compat.so" : LibraryFileName);
            try
            {
                if (File.Exists(target) && File.ReadAllBytes(target).AsSpan().SequenceEqual(image))
                    return target;
                Directory.CreateDirectory(directory);
                // Write beside the target and rename, so that a concurrent process never loads a half-written file.
                var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
                File.WriteAllBytes(temporary, image);
                File.Move(temporary, target, overwrite: true);
                return target;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"{directory}: {e.Message}");
            }
        }
        throw new TorchNativeLoadException(
            $"TorchSharp's native library needs {AnchorOnlyVersion}, which this system's libstdc++ lacks; a compatible copy " +
            $"could not be written ({string.Join("; ", errors)}). Set {CacheDirectoryVariable} to a writable directory.");
    }

    private static IEnumerable<string> CacheDirectories(string key, string originalDirectory)
    {
        if (Environment.GetEnvironmentVariable(CacheDirectoryVariable) is { Length: > 0 } configured)
            yield return Path.Combine(configured, key);
        var cacheHome = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cacheHome))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            cacheHome = string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache");
        }
        if (cacheHome is not null)
            yield return Path.Combine(cacheHome, "Microsoft.ML.NasTuners", "native", key);
        // Never a shared temporary directory: another user could plant a library there.
        yield return originalDirectory;
    }

    private static void InitialiseTorch(string? loaded)
    {
        try
        {
            TorchTensorLib.torch.InitializeDeviceType(TorchTensorLib.DeviceType.CPU);
        }
        catch (Exception e) when (e is TypeInitializationException or NotSupportedException or DllNotFoundException or EntryPointNotFoundException)
        {
            var inner = e is TypeInitializationException { InnerException: { } i } ? i : e;
            throw new TorchNativeLoadException(
                "TorchSharp could not initialise its native backend" + (loaded is null ? "" : $" (after loading {loaded})") +
                $": {FirstLine(inner.Message)} Make sure the application references TorchSharp-cpu (or a TorchSharp-cuda " +
                "package) so that libtorch and libLibTorchSharp are copied to the output, and that the process is 64-bit. " +
                $"Details: {inner.Message}", e);
        }
    }

    private static string Explain(string original, string error) =>
        $"TorchSharp's native library {original} cannot load: {FirstLine(error)} " +
        (error.Contains("GLIBC_", StringComparison.Ordinal)
            ? "This system's C library is older than the one TorchSharp was built for; use a newer Linux distribution."
            : error.Contains("GLIBCXX_", StringComparison.Ordinal) || error.Contains("CXXABI_", StringComparison.Ordinal)
                ? "This system's C++ runtime is too old; install a newer libstdc++ (package libstdc++6, GCC 12 or later)."
                : "Check that the libtorch-cpu package files beside it are complete and match this machine's architecture.");

    /// <summary>Whether the libstdc++ this process uses defines <paramref name="version"/>; null when unknown.</summary>
    internal static bool? SystemCppLibraryHasVersion(string version)
    {
        try
        {
            var path = File.ReadLines("/proc/self/maps")
                .Select(line => line.IndexOf('/') is var slash and >= 0 ? line[slash..] : "")
                .FirstOrDefault(p => Path.GetFileName(p).StartsWith("libstdc++.so", StringComparison.Ordinal));
            path ??= new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6" }
                .FirstOrDefault(File.Exists);
            if (path is null) return null;
            // Version names sit NUL-terminated in the dynamic string table; a library never names a version of its
            // own that it does not define.
            var needle = Encoding.ASCII.GetBytes(version + "\0");
            return File.ReadAllBytes(path).AsSpan().IndexOf(needle) >= 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? FindFile(string fileName, IEnumerable<string> directories) =>
        directories.Select(d => Path.Combine(d, fileName)).FirstOrDefault(File.Exists);

    /// <summary>Where TorchSharp's packages put native files: the host's native search directories, the directory of
    /// TorchSharp.dll (and its runtimes/&lt;rid&gt;/native), the application directory, and the package layout.</summary>
    private static IEnumerable<string> CandidateDirectories(Assembly torchAssembly)
    {
        var rid = RuntimeIdentifier();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var hostDirectories = (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var assemblyDirectory = string.IsNullOrEmpty(torchAssembly.Location) ? null : Path.GetDirectoryName(torchAssembly.Location);
        var candidates = hostDirectories
            .Concat(assemblyDirectory is null ? [] : [assemblyDirectory, Path.Combine(assemblyDirectory, "runtimes", rid, "native"),
                // In the NuGet cache TorchSharp.dll sits in lib/<tfm>/ and its native file in runtimes/<rid>/native/.
                Path.Combine(assemblyDirectory, "..", "..", "runtimes", rid, "native")])
            .Append(AppContext.BaseDirectory)
            .Append(Path.Combine(AppContext.BaseDirectory, "runtimes", rid, "native"));
        foreach (var candidate in candidates)
        {
            var full = Path.GetFullPath(candidate);
            if (Directory.Exists(full) && seen.Add(full)) yield return full;
        }
    }

    private static IEnumerable<string> NuGetLibtorchDirectories()
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(root))
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var package = Path.Combine(root, $"libtorch-cpu-{RuntimeIdentifier()}");
        if (!Directory.Exists(package)) return [];
        return Directory.GetDirectories(package)
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version())
            .Select(d => Path.Combine(d, "runtimes", RuntimeIdentifier(), "native"));
    }

    private static string RuntimeIdentifier() => "linux-" + RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();

    private static string FirstLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // .NET puts its generic advice first and the loader's own words (dlerror) after it.
        return lines.LastOrDefault(l => l.Contains("not found", StringComparison.Ordinal) || l.Contains("cannot open", StringComparison.Ordinal))
               ?? lines.FirstOrDefault() ?? message;
    }
}
