using SkiaSharp;

namespace Microsoft.ML.NasTuners.Visualization.Tests;

/// <summary>Decodes PNG bytes for real (SkiaSharp, ScottPlot's renderer), so a test checks an image, not a header.</summary>
internal static class Pngs
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The decoded size; throws when the bytes are not a PNG that decodes.</summary>
    public static (int Width, int Height) Decode(byte[] png)
    {
        png.Take(8).Should().Equal(Signature, "a PNG starts with its signature");
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidDataException("The PNG does not decode.");
        return (bitmap.Width, bitmap.Height);
    }

    /// <summary>How many distinct colours the image has: a blank canvas has one or two, a drawn plot many.</summary>
    public static int Colours(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png)!;
        return bitmap.Pixels.Select(p => (uint)p).Distinct().Count();
    }
}
