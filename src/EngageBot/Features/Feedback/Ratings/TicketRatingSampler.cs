using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EngageBot.Features.Feedback.Ratings;

/// <summary>Whether a ticket is in the sample: a hash of its id against the rate, so every instance and every redelivery agree.</summary>
public static class TicketRatingSampler
{
    public static bool IsSampled(string ticketId, double rate)
    {
        if (rate >= 1) return true;
        if (rate <= 0) return false;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(ticketId));
        return BinaryPrimitives.ReadUInt64BigEndian(hash) / (double)ulong.MaxValue < rate;
    }
}
