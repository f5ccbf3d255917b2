using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Directory.Import;

internal static class PersonReader
{
    private static readonly string[] Fields =
        ["id", "name", "email", "slack_user_id", "teams_aad_object_id", "roles", "timezone", "working_hours"];

    public static Person Read(YamlMap map)
    {
        var ctx = map.Context;
        var id = map.Id("id") ?? "";
        if (id.Length > 0)
        {
            map.What = $"person '{id}'";
            ctx.Define("person", id, map.Node("id")!.Start);
        }
        map.RejectUnknownFields(Fields);
        var email = map.Optional("email");
        if (email is ({ } address, var emailAt) && (!address.Contains('@') || address.Contains(' ')))
            ctx.Error(emailAt, $"{map.What}: 'email' '{address}' is not an email address");
        var slack = map.Optional("slack_user_id");
        if (slack is ({ } slackId, var slackAt))
            ctx.Claim("Slack user id", slackId, map.What, slackAt, map.What);
        var aad = map.Optional("teams_aad_object_id");
        if (aad is ({ } aadId, var aadAt))
        {
            if (Guid.TryParse(aadId, out var guid))
                ctx.Claim("Teams AAD object id", guid.ToString("D"), map.What, aadAt, map.What);
            else
                ctx.Error(aadAt, $"{map.What}: 'teams_aad_object_id' '{aadId}' is not a GUID");
        }
        var roles = new List<PersonRole>();
        foreach (var (role, at) in map.List("roles"))
        {
            if (TypedFields.TryParseEnum<PersonRole>(role, out var parsed)) { if (!roles.Contains(parsed)) roles.Add(parsed); }
            else ctx.Error(at, $"{map.What}: role '{role}' is not one of: manager, executive, support, admin");
        }
        var timeZone = map.TimeZone("timezone", required: false);
        var hours = map.Hours("working_hours", required: false);
        return new Person(id, map.Text("name") ?? "", email?.Value, slack?.Value,
            aad is ({ } a, _) && Guid.TryParse(a, out var g) ? g.ToString("D") : null,
            roles, timeZone, hours);
    }
}
