using CloudFs.Common.Results;
using Yarp.ReverseProxy.Forwarder;

namespace CloudFs.Proxy.Forwarding;

/// <summary>
/// What a YARP forwarding failure means: the client's side (it went away or stopped sending:
/// 499, and no fault of the node's) or the node's (503, as Swift answers when no backend
/// could serve, and counted by the error limiter).
/// </summary>
public static class ForwarderErrors
{
    public static bool IsClientFault(ForwarderError error) => error is ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled
        or ForwarderError.RequestBodyClient or ForwarderError.ResponseBodyCanceled or ForwarderError.ResponseBodyClient
        or ForwarderError.UpgradeRequestCanceled or ForwarderError.UpgradeRequestClient or ForwarderError.UpgradeResponseCanceled
        or ForwarderError.UpgradeResponseClient;

    public static CloudFsErrorKind Kind(ForwarderError error) => error switch
    {
        _ when IsClientFault(error) => CloudFsErrorKind.ClientClosedRequest,
        ForwarderError.RequestCreation => CloudFsErrorKind.Internal,
        _ => CloudFsErrorKind.ServiceUnavailable,
    };
}
