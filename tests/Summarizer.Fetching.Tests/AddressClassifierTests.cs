using System.Net;

namespace Summarizer.Fetching.Tests;

public sealed class AddressClassifierTests
{
    private static readonly AddressClassifier Default = new();

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.255.254", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("100.127.255.254", "carrier-grade NAT")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("169.254.1.1", "link-local")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("0.1.2.3", "unspecified")]
    [InlineData("240.0.0.1", "reserved")]
    [InlineData("192.0.2.1", "documentation")]
    [InlineData("198.18.0.1", "benchmarking")]
    [InlineData("::1", "loopback")]
    [InlineData("::", "unspecified")]
    [InlineData("fc00::1", "unique local")]
    [InlineData("fd12:3456::1", "unique local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("febf::1", "link-local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("2001:db8::1", "documentation")]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("::127.0.0.1", "loopback")]
    [InlineData("64:ff9b::7f00:1", "loopback")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    [InlineData("64:ff9b:1::c0a8:101", "private")]
    [InlineData("2002:7f00:1::", "loopback")]
    [InlineData("2002:a9fe:a9fe::1", "link-local")]
    public void Non_public_addresses_are_refused_with_their_kind_named(string address, string kind)
    {
        var reason = Default.RefusalReason(IPAddress.Parse(address));
        Assert.NotNull(reason);
        Assert.Contains(kind, reason, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("93.184.216.34")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:81c::200e")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.Null(Default.RefusalReason(IPAddress.Parse(address)));

    [Fact]
    public void A_scoped_link_local_address_is_refused_like_the_unscoped_one() =>
        Assert.Contains("link-local", Default.RefusalReason(IPAddress.Parse("fe80::1%2")));

    [Fact]
    public void Allowed_networks_open_only_the_ranges_they_name()
    {
        var classifier = new AddressClassifier([IPNetwork.Parse("127.0.0.1/32"), IPNetwork.Parse("10.1.0.0/16"), IPNetwork.Parse("fd00::/8")]);
        Assert.Null(classifier.RefusalReason(IPAddress.Parse("127.0.0.1")));
        Assert.Null(classifier.RefusalReason(IPAddress.Parse("10.1.200.3")));
        Assert.Null(classifier.RefusalReason(IPAddress.Parse("fd00::5")));
        Assert.Null(classifier.RefusalReason(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.NotNull(classifier.RefusalReason(IPAddress.Parse("127.0.0.2")));
        Assert.NotNull(classifier.RefusalReason(IPAddress.Parse("10.2.0.1")));
        Assert.NotNull(classifier.RefusalReason(IPAddress.Parse("::1")));
        Assert.NotNull(classifier.RefusalReason(IPAddress.Parse("169.254.169.254")));
    }
}
