namespace CloudFs.Ring;

/// <summary>The role names of the three rings and where their files live in the ring directory.</summary>
public static class RingRoles
{
    /// <summary>The account ring.</summary>
    public const string Account = "account";

    /// <summary>The container ring.</summary>
    public const string Container = "container";

    /// <summary>The object (blob) ring.</summary>
    public const string Object = "object";

    /// <summary>{ringDir}/{role}.ring</summary>
    public static string RingPath(string ringDirectory, string role) => Path.Combine(ringDirectory, CheckRole(role) + ".ring");

    /// <summary>{ringDir}/{role}.builder</summary>
    public static string BuilderPath(string ringDirectory, string role) => Path.Combine(ringDirectory, CheckRole(role) + ".builder");

    /// <summary>
    /// Accepts any simple name (letters, digits, '-', '_') so later policies such as
    /// "object-1" need no code change; the servers use the three constants above.
    /// </summary>
    public static string CheckRole(string role)
    {
        ArgumentException.ThrowIfNullOrEmpty(role);
        if (!role.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"Ring role '{role}' may only contain letters, digits, '-' and '_'.", nameof(role));
        }

        return role;
    }
}
