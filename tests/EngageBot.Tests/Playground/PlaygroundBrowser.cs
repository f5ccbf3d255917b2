using EngageBot.TestSupport;

namespace EngageBot.Tests.Playground;

/// <summary>Debian's chromium for the browser tests: used where it is, installed with apt-get where it can be.</summary>
public static class PlaygroundBrowser
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public static bool CanHaveChromium => File.Exists(ChromiumPath) || (Environment.UserName == "root" && File.Exists("/usr/bin/apt-get"));

    public static async Task EnsureInstalledAsync()
    {
        if (File.Exists(ChromiumPath)) return;
        using (await CrossProcessLock.AcquireAsync(Path.Combine(Path.GetTempPath(), "engagebot-chromium.lock")))
        {
            if (File.Exists(ChromiumPath)) return;
            var (code, output) = await NodeTools.RunAsync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], TimeSpan.FromMinutes(10));
            if (code != 0)
            {
                (code, output) = await NodeTools.RunAsync("sh", ["-c", "apt-get update && apt-get install -y --no-install-recommends chromium"], TimeSpan.FromMinutes(15));
                if (code != 0) throw new InvalidOperationException("apt-get could not install chromium:\n" + output);
            }
        }
    }
}
