// Torch keeps native state per process (threads, seeds, the scalars its optimisers create), and one test's training on
// another thread once broke an optimiser step of another's ("toFloat" failed in Adam's addcmul_) on a loaded machine:
// these tests run one at a time. On two cores running them side by side gained little anyway.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
