namespace CloudFs.EndToEndTests.Conformance;

/// <summary>What the templates of one case's steps stand for on the system being asked.</summary>
/// <param name="Tokens">Token per user key of the cases (tester, tester2, tester3, test2, admin).</param>
/// <param name="Accounts">Storage account per user key (AUTH_test, ...).</param>
/// <param name="Container">The case's own container name: {c}; {c2} is it + "-2".</param>
/// <param name="Host">The Host header sent unless a step gives one.</param>
public sealed record StepContext(
    IReadOnlyDictionary<string, string> Tokens,
    IReadOnlyDictionary<string, string> Accounts,
    string Container,
    string Host);
