using System.Linq;
using GraphMail.Engine.Consent.Links;
using static GraphMail.Tests.Consent.ConsentSamples;

namespace GraphMail.Tests.Consent;

/// <summary>Every query value percent-encoded per RFC 3986, whatever it holds.</summary>
public sealed class ConsentEncodingTests
{
    [Theory]
    [InlineData("https://vendor.example/cb?customer=42&plan=gold", "https%3A%2F%2Fvendor.example%2Fcb%3Fcustomer%3D42%26plan%3Dgold")]
    [InlineData("https://vendor.example/my consent", "https%3A%2F%2Fvendor.example%2Fmy%20consent")]
    [InlineData("https://vendor.example/bestätigung/ü", "https%3A%2F%2Fvendor.example%2Fbest%C3%A4tigung%2F%C3%BC")]
    [InlineData("https://vendor.example/cb?a=%23b", "https%3A%2F%2Fvendor.example%2Fcb%3Fa%3D%2523b")]
    [InlineData("http://localhost:8400/cb", "http%3A%2F%2Flocalhost%3A8400%2Fcb")]
    [InlineData("http://127.0.0.1/cb", "http%3A%2F%2F127.0.0.1%2Fcb")]
    [InlineData("https://vendor.example/日本", "https%3A%2F%2Fvendor.example%2F%E6%97%A5%E6%9C%AC")]
    public void RedirectUriIsOneEncodedValueKeptExactlyAsGiven(string redirectUri, string encoded) =>
        Assert.EndsWith("&redirect_uri=" + encoded + "&state=s1", Link(Request(redirectUri: redirectUri)).Url);

    [Theory]
    [InlineData("a&b=c", "a%26b%3Dc")]
    [InlineData("#frag", "%23frag")]
    [InlineData("x y+z", "x%20y%2Bz")]
    [InlineData("/?:@!$'()*,;", "%2F%3F%3A%40%21%24%27%28%29%2A%2C%3B")]
    [InlineData("%41", "%2541")]
    [InlineData("unreserved-._~AZaz09", "unreserved-._~AZaz09")]
    [InlineData("é😀", "%C3%A9%F0%9F%98%80")]
    public void StateWithReservedCharactersIsEncoded(string state, string encoded) =>
        Assert.EndsWith("&state=" + encoded, Link(Request(state: state)).Url);

    [Fact]
    public void EncodedLinkHasNothingButUnreservedCharactersPercentEscapesAndDelimiters()
    {
        var url = Link(Request(redirectUri: "https://vendor.example/a b?x=1&y=ü", state: "<>\"{}|\\^`[] ")).Url;
        var query = url.Substring(url.IndexOf('?') + 1);

        Assert.All(query, c => Assert.True(char.IsAsciiLetterOrDigit(c) || "-._~%&=".Contains(c), $"'{c}' in {query}"));
        Assert.Equal(new[] { "client_id", "redirect_uri", "state" }, query.Split('&').Select(pair => pair.Split('=')[0]));
    }

    [Theory]
    [InlineData("AADSTS65004%3a+The+resource+owner%0d%0aTrace+ID%3a+x", "AADSTS65004: The resource owner\r\nTrace ID: x")]
    [InlineData("a%2Bb+c", "a+b c")]
    [InlineData("%C3%BC%E2%82%AC", "ü€")]
    [InlineData("100%", "100%")]
    [InlineData("%zz%4", "%zz%4")]
    [InlineData("ü", "ü")]
    public void QueryValuesDecodeAsFormEncoding(string raw, string decoded) =>
        Assert.Equal(decoded, PercentEncoding.DecodeQueryValue(raw));

    [Theory]
    [InlineData("a b&c=d/é")]
    [InlineData("😀 +%")]
    public void DecodingUndoesEncoding(string value) =>
        Assert.Equal(value, PercentEncoding.DecodeQueryValue(PercentEncoding.Encode(value)));

    [Fact]
    public void RandomStateIsUrlSafeAndFreshEachTime()
    {
        var states = Enumerable.Range(0, 20).Select(_ => Link(Request(state: null)).State).ToList();

        Assert.All(states, s => Assert.Matches("^[A-Za-z0-9_-]{43}$", s));
        Assert.Equal(states.Count, states.Distinct().Count());
    }

    [Fact]
    public void RandomStateGoesIntoTheLinkUnchanged()
    {
        var link = Link(Request(state: null));
        Assert.EndsWith("&state=" + link.State, link.Url);
    }
}
