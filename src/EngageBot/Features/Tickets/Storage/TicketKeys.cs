using System.Text;

namespace EngageBot.Features.Tickets.Storage;

/// <summary>Makes platform ids safe as Table Storage keys ('/', '\', '#', '?' and control characters are not allowed).</summary>
public static class TicketKeys
{
    /// <summary>A TicketsByPartner row key: fixed-width opening ticks, so row-key order is opening order.</summary>
    public static string OpenedRow(DateTimeOffset openedAt, string ticketId) =>
        openedAt.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + "|" + ticketId;

    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
                builder.Append('%').Append(((int)c).ToString("X2"));
            else
                builder.Append(c);
        }
        return builder.ToString();
    }
}
