using System.Diagnostics.CodeAnalysis;
using CloudFs.Common.Results;

namespace CloudFs.ObjectServer.Storage;

/// <summary>A value or the expected error that prevented it.</summary>
public readonly struct StorageResult<T>
    where T : class
{
    private StorageResult(T? value, CloudFsError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public CloudFsError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static implicit operator StorageResult<T>(T value) => new(value, null);

    public static implicit operator StorageResult<T>(CloudFsError error) => new(null, error);
}
