namespace CloudFs.Common.Http;

/// <summary>Header names CloudFs reads or writes itself.</summary>
public static class CloudFsHeaders
{
    public const string TransId = "X-Trans-Id";
    public const string TransIdExtra = "X-Trans-Id-Extra";
    public const string OpenStackRequestId = "X-Openstack-Request-Id";
    public const string Timestamp = "X-Timestamp";
    public const string AuthToken = "X-Auth-Token";
}
