using EngageBot.Storage;

namespace EngageBot.Tests.Storage;

public sealed class StorageKeysTests
{
    [Theory]
    [InlineData("")]
    [InlineData("plain-key|with:separators")]
    [InlineData("50%/done#1?\u0001\u007f\u009f\\")]
    [InlineData("%%%")]
    public void Escaped_length_is_the_length_of_the_escaped_key_and_escaping_round_trips(string key)
    {
        Assert.Equal(StorageKeys.Escape(key).Length, StorageKeys.EscapedLength(key));
        Assert.Equal(key, StorageKeys.Unescape(StorageKeys.Escape(key)));
    }
}
