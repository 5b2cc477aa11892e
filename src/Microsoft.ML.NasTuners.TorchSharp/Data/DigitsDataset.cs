using System.Globalization;
using System.IO.Compression;
using Microsoft.ML.NasTuners.Data;

namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>
/// The UCI "Optical Recognition of Handwritten Digits" set as shipped by scikit-learn: 1,797 grey images of 8x8
/// pixels (levels 0-16) and their digit 0-9. File: <c>digits.csv.gz</c>, one image per line, 64 pixel values then the
/// label, no header. Licence: CC BY 4.0 (data), BSD-3-Clause (scikit-learn).
/// </summary>
public static class DigitsDataset
{
    /// <summary>An environment variable holding the path of <c>digits.csv.gz</c> (or of its directory).</summary>
    public static string PathVariable => NasDataSets.Digits.Variable;

    /// <summary>The file name.</summary>
    public const string FileName = "digits.csv.gz";

    /// <summary>The shape of one image: 1 channel, 8x8.</summary>
    public static CnnInputShape Shape { get; } = new(1, 8, 8);

    /// <summary>The number of classes (digits 0-9; class index = digit).</summary>
    public const int ClassCount = 10;

    /// <summary>Finds <c>digits.csv.gz</c> (<see cref="NasDataSets.Digits"/>): <see cref="PathVariable"/> (the file or
    /// its folder) when set, otherwise the repository's <c>data/digits</c>, found by walking up from the application
    /// directory and from the current directory.</summary>
    /// <returns>The full path, or null when not found.</returns>
    public static string? FindFile() =>
        NasDataSets.Digits.FindDirectory() is { } directory ? Path.Combine(directory, FileName) : null;

    /// <summary>All images, in file order.</summary>
    /// <param name="path">The file; found with <see cref="FindFile"/> when null.</param>
    /// <param name="scaleToUnit">Divide pixel levels by 16, into [0, 1]. Default true.</param>
    /// <exception cref="FileNotFoundException">The file was not found; the message says where it was looked for.</exception>
    /// <exception cref="InvalidDataException">A line is malformed; the message gives its number.</exception>
    public static ImageDataset LoadAll(string? path = null, bool scaleToUnit = true)
    {
        path ??= FindFile() ?? throw new FileNotFoundException(NasDataSets.Digits.MissingReason(), FileName);
        var features = new List<float>(1797 * 64);
        var labels = new List<int>(1797);
        using var stream = File.OpenRead(path);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var fields = line.Split(',');
            if (fields.Length != 65) throw new InvalidDataException($"{path}, line {lineNumber}: expected 65 values, got {fields.Length}.");
            for (var i = 0; i < 64; i++)
            {
                if (!float.TryParse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                    throw new InvalidDataException($"{path}, line {lineNumber}: pixel {i} ('{fields[i]}') is not a number.");
                features.Add(scaleToUnit ? v / 16f : v);
            }
            if (!int.TryParse(fields[64], NumberStyles.Integer, CultureInfo.InvariantCulture, out var label) || label is < 0 or > 9)
                throw new InvalidDataException($"{path}, line {lineNumber}: label '{fields[64]}' is not a digit 0-9.");
            labels.Add(label);
        }
        return new ImageDataset(features.ToArray(), labels.ToArray(), Shape, ClassCount);
    }

    /// <summary>
    /// The fixed split: the images are permuted by a seeded shuffle that does not depend on the .NET version
    /// (SplitMix64 and Fisher-Yates), then the first 60% (rounded down) train, the next 20% (rounded down) validate and
    /// the rest test. With the default seed 0 that is 1,078 / 359 / 360 images.
    /// </summary>
    /// <param name="path">The file; found with <see cref="FindFile"/> when null.</param>
    /// <param name="seed">Seed of the shuffle. Default 0.</param>
    /// <param name="scaleToUnit">Divide pixel levels by 16, into [0, 1]. Default true.</param>
    public static DigitsSplit Load(string? path = null, int seed = 0, bool scaleToUnit = true)
    {
        var all = LoadAll(path, scaleToUnit);
        var order = StableShuffle.Permutation(all.Count, unchecked((ulong)seed));
        var trainCount = all.Count * 3 / 5;
        var validationCount = all.Count / 5;
        return new DigitsSplit(
            all.Subset(order[..trainCount]),
            all.Subset(order[trainCount..(trainCount + validationCount)]),
            all.Subset(order[(trainCount + validationCount)..]));
    }
}
