using System.Globalization;
using Idaas.Callbacks.Scim;

namespace Idaas.Callbacks.Tests.Scim;

public sealed class ScimFilterTests
{
    [Fact]
    public void Eq_QuotesAndEscapesString()
    {
        var filter = ScimFilter.Eq("userName", "o\"neil\\ops@example.test");

        filter.ToString().Should().Be("userName eq \"o\\\"neil\\\\ops@example.test\"");
    }

    [Fact]
    public void Eq_EscapesControlCharacters()
    {
        ScimFilter.Eq("displayName", "a\nb\u0001").ToString().Should().Be("displayName eq \"a\\nb\\u0001\"");
    }

    [Fact]
    public void Values_AreFormattedInvariantly()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            ScimFilter.Gt("meta.lastModified", new DateTimeOffset(2026, 1, 2, 4, 4, 5, TimeSpan.FromHours(1))).ToString()
                .Should().Be("meta.lastModified gt \"2026-01-02T03:04:05Z\"");
            ScimFilter.Ge("x", 1.5).ToString().Should().Be("x ge 1.5");
            ScimFilter.Lt("x", 12345678901L).ToString().Should().Be("x lt 12345678901");
            ScimFilter.Eq("active", false).ToString().Should().Be("active eq false");
            ScimFilter.Eq("title", (string?)null).ToString().Should().Be("title eq null");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("userName eq \"x\" or userName")]
    [InlineData("emails[type eq \"work\"]")]
    [InlineData("user name")]
    [InlineData("")]
    [InlineData("1abc")]
    public void AttributePath_InjectionIsRejected(string attributePath)
    {
        var build = () => ScimFilter.Eq(attributePath, "x");

        build.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("name.familyName")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department")]
    [InlineData("members.$ref")]
    [InlineData("meta.lastModified")]
    public void AttributePath_ValidFormsAccepted(string attributePath)
    {
        ScimFilter.Pr(attributePath).ToString().Should().Be($"{attributePath} pr");
    }

    [Fact]
    public void Or_InsideAnd_IsParenthesized()
    {
        var filter = ScimFilter.Eq("userName", "a").Or(ScimFilter.Eq("userName", "b")).And(ScimFilter.Eq("active", true));

        filter.ToString().Should().Be("(userName eq \"a\" or userName eq \"b\") and active eq true");
    }

    [Fact]
    public void And_InsideOr_IsParenthesized()
    {
        var filter = ScimFilter.Or(ScimFilter.Eq("userName", "a"), ScimFilter.And(ScimFilter.Eq("userName", "b"), ScimFilter.Eq("active", true)));

        filter.ToString().Should().Be("userName eq \"a\" or (userName eq \"b\" and active eq true)");
    }

    [Fact]
    public void NotAndSubstringOperators()
    {
        ScimFilter.Not(ScimFilter.Eq("active", false)).ToString().Should().Be("not (active eq false)");
        ScimFilter.Co("emails.value", "vale").ToString().Should().Be("emails.value co \"vale\"");
        ScimFilter.Sw("name.familyName", "Va").ToString().Should().Be("name.familyName sw \"Va\"");
        ScimFilter.Ew("userName", "@example.test").ToString().Should().Be("userName ew \"@example.test\"");
        ScimFilter.Ne("x", "y").ToString().Should().Be("x ne \"y\"");
        ScimFilter.Le("x", 3).ToString().Should().Be("x le 3");
    }

    [Fact]
    public void Has_BuildsValueFilter()
    {
        ScimFilter.Has("emails", ScimFilter.Eq("type", "work").And(ScimFilter.Co("value", "@example.test"))).ToString()
            .Should().Be("emails[type eq \"work\" and value co \"@example.test\"]");
    }

    [Fact]
    public void ScimPath_BuildsValuePathWithSubAttribute()
    {
        ScimPath.Where("emails", ScimFilter.Eq("type", "work"), "value").ToString().Should().Be("emails[type eq \"work\"].value");
        ScimPath.Where("members", ScimFilter.Eq("value", "u\"1")).ToString().Should().Be("members[value eq \"u\\\"1\"]");
    }

    [Fact]
    public void ScimPath_RejectsDottedSubAttribute()
    {
        var build = () => ScimPath.Where("emails", ScimFilter.Eq("type", "work"), "value.x");

        build.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Double_NaNIsRejected()
    {
        var build = () => ScimFilter.Eq("x", double.NaN);

        build.Should().Throw<ArgumentOutOfRangeException>();
    }
}
