namespace EngageBot.Tests.Playground;

/// <summary>
/// A test that drives Debian's chromium: it runs wherever chromium is present or can be installed (root with apt-get),
/// and is skipped, saying why, only where neither holds.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!PlaygroundBrowser.CanHaveChromium)
            Skip = $"No browser: {PlaygroundBrowser.ChromiumPath} is missing and cannot be installed here (needs root and apt-get). Install Debian's chromium or set CHROMIUM_PATH.";
    }
}
