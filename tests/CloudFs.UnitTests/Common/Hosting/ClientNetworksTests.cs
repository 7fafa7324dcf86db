using System.Net;
using CloudFs.Common.Hosting.Metrics;

namespace CloudFs.UnitTests.Common.Hosting;

public class ClientNetworksTests
{
    [TestCase("127.0.0.1", true)]
    [TestCase("127.255.0.9", true)]
    [TestCase("::1", true)]
    [TestCase("::ffff:127.0.0.1", true)]
    [TestCase("10.0.0.1", false)]
    [TestCase("::2", false)]
    public void Loopback_ContainsOnlyLoopback(string address, bool expected)
    {
        var networks = ClientNetworks.Parse(["127.0.0.0/8", "::1/128"]);

        Assert.That(networks.Contains(IPAddress.Parse(address)), Is.EqualTo(expected));
    }

    [Test]
    public void BareAddress_IsANetworkOfOne()
    {
        var networks = ClientNetworks.Parse([" 192.0.2.7 ", "", "2001:db8::1"]);

        Assert.Multiple(() =>
        {
            Assert.That(networks.Contains(IPAddress.Parse("192.0.2.7")), Is.True);
            Assert.That(networks.Contains(IPAddress.Parse("192.0.2.8")), Is.False);
            Assert.That(networks.Contains(IPAddress.Parse("2001:db8::1")), Is.True);
            Assert.That(networks.Contains(IPAddress.Parse("2001:db8::2")), Is.False);
        });
    }

    [Test]
    public void NoAddress_IsNotContained() =>
        Assert.That(ClientNetworks.Parse(["0.0.0.0/0"]).Contains(null), Is.False);

    [TestCase("10.0.0.0/33")]
    [TestCase("not-an-address")]
    [TestCase("10.0.0.0/x")]
    public void BadEntry_IsAFormatError(string entry) =>
        Assert.That(() => ClientNetworks.Parse([entry]), Throws.TypeOf<FormatException>().With.Message.Contains(entry));
}
