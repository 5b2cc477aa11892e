namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>The three image-classification tasks NAS-Bench-201 trained every cell on.</summary>
public enum Nb201Dataset
{
    /// <summary>CIFAR-10 (problem <c>nb201_cifar10</c>).</summary>
    Cifar10,

    /// <summary>CIFAR-100 (problem <c>nb201_cifar100</c>).</summary>
    Cifar100,

    /// <summary>ImageNet16-120: 120 ImageNet classes down-sampled to 16x16 (problem <c>nb201_imagenet16</c>).</summary>
    ImageNet16,
}
