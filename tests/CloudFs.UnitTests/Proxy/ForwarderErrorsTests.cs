using CloudFs.Common.Results;
using CloudFs.Proxy.Forwarding;
using Yarp.ReverseProxy.Forwarder;

namespace CloudFs.UnitTests.Proxy;

public sealed class ForwarderErrorsTests
{
    [TestCase(ForwarderError.RequestCanceled)]
    [TestCase(ForwarderError.RequestBodyClient)]
    [TestCase(ForwarderError.ResponseBodyClient)]
    [TestCase(ForwarderError.ResponseBodyCanceled)]
    public void Kind_ClientSideFailure_ClientClosedAndNotTheNodesFault(ForwarderError error)
    {
        Assert.That(ForwarderErrors.IsClientFault(error), Is.True);
        Assert.That(ErrorStatus.ToStatus(ForwarderErrors.Kind(error)), Is.EqualTo(499));
    }

    [TestCase(ForwarderError.Request)]
    [TestCase(ForwarderError.RequestTimedOut)]
    [TestCase(ForwarderError.RequestBodyDestination)]
    [TestCase(ForwarderError.ResponseHeaders)]
    [TestCase(ForwarderError.ResponseBodyDestination)]
    public void Kind_NodeFailure_ServiceUnavailable(ForwarderError error)
    {
        Assert.That(ForwarderErrors.IsClientFault(error), Is.False);
        Assert.That(ErrorStatus.ToStatus(ForwarderErrors.Kind(error)), Is.EqualTo(503));
    }
}
