using Microsoft.ML.NasTuners.Surrogates;

namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>BOHB's model at one budget: the density of the good configurations and that of the bad ones.</summary>
internal sealed record BohbModel(double Budget, ProductKernelDensity Good, ProductKernelDensity Bad);
