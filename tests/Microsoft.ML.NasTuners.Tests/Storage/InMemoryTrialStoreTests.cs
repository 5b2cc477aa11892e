using Microsoft.ML.NasTuners.Storage;

namespace Microsoft.ML.NasTuners.Tests.Storage;

public class InMemoryTrialStoreTests : TrialStoreContract
{
    protected override ITrialStore CreateStore() => new InMemoryTrialStore();
}
