namespace CloudFs.Common.Results;

/// <summary>A value, or the expected error that prevented it.</summary>
public readonly record struct Outcome<T>(T? Value, CloudFsError? Error)
{
    public bool IsSuccess => Error is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(CloudFsError error) => new(default, error);
}
