namespace CloudFs.AccountServer;

/// <summary>The <c>Bootstrap</c> section: users that must exist when the account server starts.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    /// <summary>Password of the cluster admin <c>admin:admin</c>; when empty a random one is made and printed once.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Extra users to create if missing (e.g. the demo user test:tester / testing).</summary>
    public List<BootstrapUser> Users { get; set; } = [];
}

/// <summary>One user to create at start: <c>account:user</c>, its key, and its type.</summary>
public sealed class BootstrapUser
{
    public string User { get; set; } = "";

    public string Key { get; set; } = "";

    public string Type { get; set; } = "owner";

    public string? Email { get; set; }
}
