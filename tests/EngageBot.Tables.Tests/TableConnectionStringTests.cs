namespace EngageBot.Tables.Tests;

public sealed class TableConnectionStringTests
{
    [Fact]
    public void Development_storage_points_at_the_local_emulator()
    {
        var parsed = TableConnectionString.Parse("UseDevelopmentStorage=true");
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", parsed.Endpoint.ToString().TrimEnd('/'));
        Assert.Equal("devstoreaccount1", parsed.Credential.AccountName);
    }

    [Fact]
    public void Account_and_suffix_build_the_public_endpoint()
    {
        var parsed = TableConnectionString.Parse("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.chinacloudapi.cn");
        Assert.Equal("https://acct.table.core.chinacloudapi.cn/", parsed.Endpoint.ToString());
    }

    [Fact]
    public void An_explicit_table_endpoint_wins()
    {
        var parsed = TableConnectionString.Parse("AccountName=acct;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:1234/acct");
        Assert.Equal("http://127.0.0.1:1234/acct", parsed.Endpoint.ToString());
    }

    [Theory]
    [InlineData("AccountName=acct")]
    [InlineData("garbage")]
    [InlineData("AccountName=acct;AccountKey=not base64!")]
    public void Bad_connection_strings_get_a_clear_error_without_the_key(string value)
    {
        var e = Assert.ThrowsAny<Exception>(() => TableConnectionString.Parse(value));
        Assert.True(e is FormatException or ArgumentException);
        Assert.DoesNotContain("not base64!", e.Message);
    }
}
