namespace Microsoft.ML.NasTuners.TorchSharp;
internal static class AssemblyMarker { }
