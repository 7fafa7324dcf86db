using System.Diagnostics.CodeAnalysis;

namespace CloudFs.Common.Results;

/// <summary>A value, or the expected error that prevented it: the one result shape of every role.</summary>
public readonly struct Outcome<T>
{
    private Outcome(T? value, CloudFsError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public CloudFsError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>A success, also for a T whose value may be null (where the implicit conversion would be ambiguous).</summary>
    public static Outcome<T> Success(T value) => new(value, null);

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(CloudFsError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>Both halves at once, for tests and tools that look at either.</summary>
    public void Deconstruct(out T? value, out CloudFsError? error) => (value, error) = (Value, Error);
}
