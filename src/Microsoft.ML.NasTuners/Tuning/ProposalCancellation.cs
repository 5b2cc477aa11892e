namespace Microsoft.ML.NasTuners;

/// <summary>The cancellation token of the proposal in progress, for a tuner whose model and optimiser check it deep
/// inside (<see cref="ITuner.Propose(TrialSettings, CancellationToken)"/>) without passing it through every call.</summary>
internal sealed class ProposalCancellation
{
    /// <summary>The token of the proposal in progress; <see cref="CancellationToken.None"/> between proposals.</summary>
    public CancellationToken Token { get; private set; }

    /// <summary>Runs <paramref name="propose"/> with <see cref="Token"/> set to <paramref name="cancellationToken"/>.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled, before or during the proposal.</exception>
    public T During<T>(CancellationToken cancellationToken, Func<T> propose)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Token = cancellationToken;
        try
        {
            return propose();
        }
        finally
        {
            Token = CancellationToken.None;
        }
    }
}
