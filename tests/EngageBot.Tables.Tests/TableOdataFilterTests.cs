namespace EngageBot.Tables.Tests;

public sealed class TableOdataFilterTests
{
    [Fact]
    public void Every_literal_kind_is_formatted_as_OData_expects()
    {
        var when = new DateTimeOffset(2026, 11, 21, 21, 6, 31, TimeSpan.FromHours(2)).AddTicks(1234567);
        var filter = TableClient.CreateQueryFilter(
            $"S eq {"O'Brien"} and I eq {42} and L eq {9007199254740993L} and D eq {2.0} and F eq {0.5} and B eq {true} and N eq {false} and T ge {when} and G eq {Guid.Parse("7d1f0c2e-0000-4000-8000-0123456789ab")} and X eq {new byte[] { 0x0a, 0xff }}");

        Assert.Equal(
            "S eq 'O''Brien' and I eq 42 and L eq 9007199254740993L and D eq 2.0 and F eq 0.5 and B eq true and N eq false"
            + " and T ge datetime'2026-11-21T19:06:31.1234567Z' and G eq guid'7d1f0c2e-0000-4000-8000-0123456789ab' and X eq X'0aff'",
            filter);
    }

    [Fact]
    public void And_skips_empty_clauses_and_parenthesises_the_rest()
    {
        Assert.Null(TableOdataFilter.And(null, ""));
        Assert.Equal("A eq 1", TableOdataFilter.And("A eq 1", null));
        Assert.Equal("(A eq 1) and (B eq 2)", TableOdataFilter.And("A eq 1", "B eq 2"));
    }
}
