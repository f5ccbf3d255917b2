namespace EngageBot.Benchmarks.SlackAck;

/// <summary>
/// What process CPU does not show: how busy the whole machine was (idle cores mean requests waited on something other
/// than CPU, such as the store's single writer) and how many bytes this process sent to disk. Linux /proc only;
/// elsewhere both read as zero and the figures are left out.
/// </summary>
internal readonly record struct MachineMeter(long BusyTicks, long IdleTicks, long DiskBytes)
{
    public static MachineMeter Read()
    {
        if (!File.Exists("/proc/stat") || !File.Exists("/proc/self/io")) return default;
        // cpu  user nice system idle iowait irq softirq steal ...
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var written = File.ReadLines("/proc/self/io").First(l => l.StartsWith("write_bytes:", StringComparison.Ordinal));
        return new(cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + cpu[7], cpu[3] + cpu[4], long.Parse(written["write_bytes:".Length..].Trim()));
    }

    public static MachineMeter operator -(MachineMeter after, MachineMeter before) =>
        new(after.BusyTicks - before.BusyTicks, after.IdleTicks - before.IdleTicks, after.DiskBytes - before.DiskBytes);

    public static MachineMeter operator +(MachineMeter a, MachineMeter b) =>
        new(a.BusyTicks + b.BusyTicks, a.IdleTicks + b.IdleTicks, a.DiskBytes + b.DiskBytes);

    public bool Measured => BusyTicks + IdleTicks > 0;

    public double BusyShare => Measured ? (double)BusyTicks / (BusyTicks + IdleTicks) : 0;
}
