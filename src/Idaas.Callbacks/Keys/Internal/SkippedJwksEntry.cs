namespace Idaas.Callbacks.Keys.Internal;

/// <summary>
/// JWKS entry that the parser skipped, with the reason.
/// </summary>
/// <param name="Index">The zero-based position of the entry in the <c>keys</c> array.</param>
/// <param name="KeyId">The entry's <c>kid</c>, or <see langword="null"/> when it has no valid one.</param>
/// <param name="Problem">The first check that the entry failed.</param>
/// <param name="Detail">A short description for logs. It never contains key material.</param>
internal sealed record SkippedJwksEntry(int Index, string? KeyId, JwksEntryProblem Problem, string Detail);
