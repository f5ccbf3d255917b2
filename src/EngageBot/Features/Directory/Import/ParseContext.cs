using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace EngageBot.Features.Directory.Import;

/// <summary>
/// What the section readers share while reading one file: the errors so far, and the cross-references
/// (person, tier, calendar, partner ids) that can only be checked once every section is read.
/// </summary>
internal sealed partial class ParseContext
{
    public List<DirectoryError> Errors { get; } = [];

    public List<PendingReference> References { get; } = [];

    private readonly Dictionary<(string Kind, string Id), Mark> _definitions = new();
    private readonly Dictionary<(string Kind, string Key), (string Owner, Mark At)> _claims = new();

    private readonly HashSet<(long Line, long Column, string Problem)> _reported = [];

    /// <summary>
    /// Reports a problem at a position, once: a YAML alias (*name) makes every user of an anchor read the same node, so
    /// the same problem at the same place is reported for the first user only, not again for each (e.g. "customer 'b'").
    /// </summary>
    public void Error(Mark at, string message)
    {
        if (_reported.Add((at.Line, at.Column, LeadingSubject().Replace(message, "", 1))))
            Errors.Add(new DirectoryError((int)at.Line, (int)at.Column, message));
    }

    // "person 'jdoe'", "customer #3": the subject readers put in front of a message.
    [GeneratedRegex(@"^[a-z]+ (?:'[^']*'|#\d+)")]
    private static partial Regex LeadingSubject();

    /// <summary>Records an id of a kind (partner, person…); false, with an error, if it was already defined.</summary>
    public bool Define(string kind, string id, Mark at)
    {
        if (_definitions.TryGetValue((kind, id), out var first))
        {
            Error(at, $"duplicate {kind} id '{id}' (first defined at line {first.Line})");
            return false;
        }
        _definitions[(kind, id)] = at;
        return true;
    }

    public bool IsDefined(string kind, string id) => _definitions.ContainsKey((kind, id));

    /// <summary>
    /// Claims something only one owner may hold (a channel, a Slack user id); a second claim is an error
    /// naming the first owner and its line.
    /// </summary>
    public void Claim(string kind, string key, string owner, Mark at, string what)
    {
        if (_claims.TryGetValue((kind, key), out var first))
            Error(at, first.Owner == owner
                ? $"{what}: {kind} '{key}' is listed twice"
                : $"{what}: {kind} '{key}' is already claimed by {first.Owner} (line {first.At.Line})");
        else
            _claims[(kind, key)] = (owner, at);
    }

    /// <summary>Who claimed something, if anyone (after all claims are made).</summary>
    public string? ClaimOwner(string kind, string key) => _claims.TryGetValue((kind, key), out var claim) ? claim.Owner : null;

    /// <summary>Internal triage channels, checked once all partners are read: none may be a partner's shared channel.</summary>
    public List<(string Kind, string Channel, Mark At, string What)> TriageChannels { get; } = [];

    /// <summary>Checks later that <paramref name="id"/> exists among <paramref name="kind"/>; else reports <paramref name="message"/> at the value.</summary>
    public void Refer(ReferenceKind kind, string id, Mark at, string message) => References.Add(new(kind, id, at, message));
}

internal enum ReferenceKind { Person, Tier, Calendar, Partner }

internal sealed record PendingReference(ReferenceKind Kind, string Id, Mark At, string Message);
