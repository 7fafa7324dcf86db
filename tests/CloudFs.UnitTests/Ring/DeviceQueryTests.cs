using CloudFs.Ring;

namespace CloudFs.UnitTests.Ring;

public class DeviceQueryTests
{
    [Test]
    public void Parse_FullAddSpec_AllParts()
    {
        var q = DeviceQuery.Parse("r2z3-127.0.0.1:7013/sdb1_ssd");

        Assert.That(q, Is.EqualTo(new DeviceQuery(null, 2, 3, "127.0.0.1", 7013, "sdb1", "ssd")));
    }

    [Test]
    public void Parse_Ipv6InBrackets_KeepsAddress()
    {
        var d = DeviceQuery.Parse("z1-[::1]:7013/sda").ToNewDevice(10);

        Assert.Multiple(() =>
        {
            Assert.That(d.Ip, Is.EqualTo("::1"));
            Assert.That(d.Endpoint, Is.EqualTo("[::1]:7013"));
            Assert.That(d.Region, Is.EqualTo(1));
        });
    }

    [TestCase("d3", 3, null)]
    [TestCase("127.0.0.1:7013/sdb1", null, "127.0.0.1")]
    public void Parse_SearchForms_Parsed(string text, int? id, string? ip)
    {
        var q = DeviceQuery.Parse(text);

        Assert.Multiple(() =>
        {
            Assert.That(q.Id, Is.EqualTo(id));
            Assert.That(q.Ip, Is.EqualTo(ip));
        });
    }

    [TestCase("")]
    [TestCase("z1-127.0.0.1:notaport/sda")]
    [TestCase("z1-127.0.0.1:7013/")]
    [TestCase("z1-127.0.0.1:70000/sda")]
    public void Parse_Malformed_Throws(string text)
    {
        Assert.Throws<RingBuilderException>(() => DeviceQuery.Parse(text));
    }

    [TestCase("z1-127.0.0.1/sda")]
    [TestCase("127.0.0.1:7013/sda")]
    [TestCase("d1z1-127.0.0.1:7013/sda")]
    public void ToNewDevice_IncompleteOrWithId_Throws(string text)
    {
        Assert.Throws<RingBuilderException>(() => DeviceQuery.Parse(text).ToNewDevice(1));
    }
}
