using Microsoft.ML.SearchSpace.Option;

namespace Microsoft.ML.AutoML;

public static class AutoMLExperimentExtension
{
    /// <summary>As AutoML's: with <paramref name="subSamplingTrainDataset"/>, adds the training-set fraction under
    /// <c>TrainValidateDatasetManager</c>, which the twin's trial runner reads from the parameter.</summary>
    public static AutoMLExperiment SetDataset(this AutoMLExperiment experiment, IDataView train, IDataView validation, bool subSamplingTrainDataset = false)
    {
        if (subSamplingTrainDataset)
        {
            var space = new SearchSpace.SearchSpace { { TrainValidateDatasetManager.SubSamplingKey, new UniformSingleOption(0, 1, false, 0.1f) } };
            experiment.AddSearchSpace(nameof(TrainValidateDatasetManager), space);
        }
        return experiment;
    }
}

/// <summary>The name and key AutoML's (internal) train/validate dataset manager uses for the sub-sampling ratio.</summary>
internal static class TrainValidateDatasetManager
{
    public const string SubSamplingKey = "TrainValidateDatasetSubsamplingKey";
}
