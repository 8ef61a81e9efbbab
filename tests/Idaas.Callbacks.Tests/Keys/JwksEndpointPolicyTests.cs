using Idaas.Callbacks.Keys.Internal;

namespace Idaas.Callbacks.Tests.Keys;

public sealed class JwksEndpointPolicyTests
{
    [Theory]
    [InlineData("https://eiam-api-cn-hangzhou.aliyuncs.com/v2/idaas_x/app_y/provisioning/jwks", true)]
    [InlineData("https://10.0.0.8/jwks", true)]
    [InlineData("http://127.0.0.1:5000/jwks", true)]
    [InlineData("http://127.42.0.9/jwks", true)]
    [InlineData("http://[::1]:8080/jwks", true)]
    [InlineData("http://localhost/jwks", true)]
    [InlineData("http://LOCALHOST:81/jwks", true)]
    [InlineData("http://eiam-api-cn-hangzhou.aliyuncs.com/jwks", false)]
    [InlineData("http://10.0.0.8/jwks", false)]
    [InlineData("http://128.0.0.1/jwks", false)]
    [InlineData("http://localhost.example.com/jwks", false)]
    [InlineData("http://127.0.0.1.nip.io/jwks", false)]
    [InlineData("ftp://127.0.0.1/jwks", false)]
    [InlineData("file:///etc/jwks.json", false)]
    public void IsAllowed_RequiresHttpsUnlessLoopback(string url, bool expected)
    {
        var allowed = JwksEndpointPolicy.IsAllowed(new Uri(url));

        allowed.Should().Be(expected);
    }

    [Fact]
    public void Describe_DropsUserInfoAndQuery()
    {
        var description = JwksEndpointPolicy.Describe(new Uri("https://user:secret@idaas.test/jwks?token=abc#frag"));

        description.Should().Be("https://idaas.test/jwks");
    }
}
