using System.Linq;
using GraphMail.Engine.Sending.Validation;

namespace GraphMail.Tests.Sending;

public sealed class MailAddressParserTests
{
    [Theory]
    [InlineData("user@contoso.com", "user@contoso.com", null)]
    [InlineData("  User.Name+tag@Contoso.COM ", "User.Name+tag@contoso.com", null)]
    [InlineData("Alice Smith <alice@contoso.com>", "alice@contoso.com", "Alice Smith")]
    [InlineData("\"Doe, Jane\" <jane@contoso.com>", "jane@contoso.com", "Doe, Jane")]
    [InlineData("\"Say \\\"hi\\\"\" <hi@contoso.com>", "hi@contoso.com", "Say \"hi\"")]
    [InlineData("<bare@contoso.com>", "bare@contoso.com", null)]
    [InlineData("\"john doe\"@contoso.com", "\"john doe\"@contoso.com", null)]
    [InlineData("user@bücher.de", "user@xn--bcher-kva.de", null)]
    [InlineData("user@mail.contoso.co.uk", "user@mail.contoso.co.uk", null)]
    public void ReadsTheFormsUsersWrite(string text, string address, string? name)
    {
        var recipient = MailAddressParser.Parse(text, "To");

        Assert.Equal(address, recipient.Address);
        Assert.Equal(name, recipient.Name);
    }

    [Theory]
    [InlineData("a@contoso.com, b@contoso.com", 2)]
    [InlineData("a@contoso.com; b@contoso.com;c@contoso.com", 3)]
    [InlineData("\"Doe, Jane\" <jane@contoso.com>, \"Roe; Rick\" <rick@contoso.com>", 2)]
    [InlineData("a@contoso.com,", 1)]
    public void SplitsListsOutsideQuotesAndBrackets(string text, int count) =>
        Assert.Equal(count, MailAddressParser.ParseAll(new[] { text }, "To").Count);

    [Fact]
    public void KeepsTheOrderOfEveryValue()
    {
        var all = MailAddressParser.ParseAll(new[] { "a@contoso.com; b@contoso.com", "c@contoso.com" }, "Cc");
        Assert.Equal(new[] { "a@contoso.com", "b@contoso.com", "c@contoso.com" }, all.Select(r => r.Address));
    }

    [Fact]
    public void TheErrorNamesTheParameterAndTheValue()
    {
        var error = Assert.Throws<GraphMailException>(() => MailAddressParser.ParseAll(new[] { "ok@contoso.com, broken" }, "Bcc"));

        Assert.Equal(ErrorIds.InvalidEmailAddress, error.ErrorId);
        Assert.Equal(GraphMailErrorKind.InvalidArgument, error.Kind);
        Assert.StartsWith("-Bcc 'broken' is not an email address", error.Cause);
    }

    [Fact]
    public void RecipientsPrintAsTheyAreSent() =>
        Assert.Equal("\"Doe, Jane\" <jane@contoso.com>", MailAddressParser.Parse("\"Doe, Jane\" <jane@CONTOSO.com>", "To").ToString());
}
