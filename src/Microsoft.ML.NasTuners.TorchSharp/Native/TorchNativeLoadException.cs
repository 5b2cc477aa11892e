namespace Microsoft.ML.NasTuners.TorchSharp.Native;

/// <summary>TorchSharp's native library could not be loaded. The message says why and what to do.</summary>
public sealed class TorchNativeLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TorchNativeLoadException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
