namespace CloudFs.ObjectServer.Storage;

/// <summary>Device names become directory names, so only plain, non-hidden names pass.</summary>
public static class DeviceName
{
    public const int MaxLength = 64;

    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= MaxLength }
        && name[0] != '.'
        && !name.AsSpan().ContainsAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");
}
