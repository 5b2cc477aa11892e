using System.Buffers.Binary;
using System.Text;

namespace Microsoft.ML.NasTuners.TorchSharp.Native;

/// <summary>
/// Reads and edits the version needs (<c>.gnu.version_r</c>) of an ELF64 little-endian shared library.
/// The only edit is setting <c>VER_FLG_WEAK</c> on one need: glibc's loader then reports a missing version as
/// a warning instead of refusing the library. That is safe only when no symbol bound to that version is called.
/// </summary>
internal static class ElfVersionNeeds
{
    /// <summary><c>VER_FLG_WEAK</c> in <c>vna_flags</c>.</summary>
    public const ushort WeakFlag = 0x2;

    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const int ElfHeaderSize = 64;
    private const int SectionHeaderSize = 64;
    private const int VerneedSize = 16;
    private const int VernauxSize = 16;

    /// <summary>Every version need of the library in <paramref name="image"/>, in file order.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an ELF64 little-endian file with readable section headers.</exception>
    public static IReadOnlyList<ElfVersionNeed> Read(ReadOnlySpan<byte> image)
    {
        var result = new List<ElfVersionNeed>();
        var (verneed, dynstr, count) = FindVerneedSection(image);
        long entry = verneed.Offset;
        for (var i = 0; i < count; i++)
        {
            Require(image, entry, VerneedSize, "a Verneed entry");
            var auxCount = U16(image, entry + 2);
            var file = ReadString(image, dynstr, U32(image, entry + 4));
            var aux = entry + U32(image, entry + 8);
            for (var j = 0; j < auxCount; j++)
            {
                Require(image, aux, VernauxSize, "a Vernaux entry");
                var flags = U16(image, aux + 4);
                var name = ReadString(image, dynstr, U32(image, aux + 8));
                result.Add(new ElfVersionNeed(file, name, flags, aux + 4));
                var nextAux = U32(image, aux + 12);
                if (nextAux == 0) break;
                aux += nextAux;
            }
            var next = U32(image, entry + 12);
            if (next == 0) break;
            entry += next;
        }
        return result;
    }

    /// <summary>Sets <c>VER_FLG_WEAK</c> on every need of version <paramref name="version"/> (whatever library
    /// provides it) and changes no other byte.</summary>
    /// <returns>The number of needs whose flags changed (0 when the library does not need the version, or needs it
    /// weakly already).</returns>
    public static int MarkWeak(Span<byte> image, string version)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        var changed = 0;
        foreach (var need in Read(image))
        {
            if (need.Version != version || need.IsWeak) continue;
            BinaryPrimitives.WriteUInt16LittleEndian(image[(int)need.FlagsOffset..], (ushort)(need.Flags | WeakFlag));
            changed++;
        }
        return changed;
    }

    private readonly record struct Section(long Offset, long Size);

    private static (Section Verneed, Section Dynstr, uint Count) FindVerneedSection(ReadOnlySpan<byte> image)
    {
        if (image.Length < ElfHeaderSize || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F')
            throw new InvalidDataException("Not an ELF file (bad magic number).");
        if (image[4] != 2) throw new InvalidDataException("Not a 64-bit ELF file (EI_CLASS is not ELFCLASS64).");
        if (image[5] != 1) throw new InvalidDataException("Not a little-endian ELF file (EI_DATA is not ELFDATA2LSB).");

        var shoff = (long)U64(image, 0x28);
        var shentsize = U16(image, 0x3A);
        long shnum = U16(image, 0x3C);
        if (shoff == 0) throw new InvalidDataException("The ELF file has no section headers.");
        if (shentsize < SectionHeaderSize) throw new InvalidDataException($"Unexpected ELF section header size {shentsize}.");
        Require(image, shoff, SectionHeaderSize, "the first section header");
        // With 0xff00 sections or more, e_shnum is 0 and the real count sits in section 0's sh_size.
        if (shnum == 0) shnum = (long)U64(image, shoff + 32);
        Require(image, shoff, shnum * shentsize, "the section header table");

        for (long i = 0; i < shnum; i++)
        {
            var header = shoff + i * shentsize;
            if (U32(image, header + 4) != ShtGnuVerneed) continue;
            var section = SectionAt(image, header);
            var link = U32(image, header + 40);
            if (link >= shnum) throw new InvalidDataException($"The version-needs section links to section {link} of {shnum}.");
            var dynstr = SectionAt(image, shoff + link * shentsize);
            return (section, dynstr, U32(image, header + 44));
        }
        return (new Section(0, 0), new Section(0, 0), 0);
    }

    private static Section SectionAt(ReadOnlySpan<byte> image, long header)
    {
        var section = new Section((long)U64(image, header + 24), (long)U64(image, header + 32));
        Require(image, section.Offset, section.Size, "a section");
        return section;
    }

    private static string ReadString(ReadOnlySpan<byte> image, Section strtab, uint offset)
    {
        if (offset >= strtab.Size) throw new InvalidDataException($"String offset {offset} lies outside the string table.");
        var bytes = image.Slice((int)(strtab.Offset + offset), (int)(strtab.Size - offset));
        var end = bytes.IndexOf((byte)0);
        if (end < 0) throw new InvalidDataException("Unterminated string in the string table.");
        return Encoding.UTF8.GetString(bytes[..end]);
    }

    private static void Require(ReadOnlySpan<byte> image, long offset, long length, string what)
    {
        if (offset < 0 || length < 0 || offset + length > image.Length)
            throw new InvalidDataException($"The ELF file is truncated: {what} at offset {offset} (+{length}) lies past its end ({image.Length} bytes).");
    }

    private static ushort U16(ReadOnlySpan<byte> b, long offset) => BinaryPrimitives.ReadUInt16LittleEndian(b[(int)offset..]);

    private static uint U32(ReadOnlySpan<byte> b, long offset) => BinaryPrimitives.ReadUInt32LittleEndian(b[(int)offset..]);

    private static ulong U64(ReadOnlySpan<byte> b, long offset) => BinaryPrimitives.ReadUInt64LittleEndian(b[(int)offset..]);
}
