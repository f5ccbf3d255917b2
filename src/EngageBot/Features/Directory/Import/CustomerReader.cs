using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Directory.Import;

internal static class CustomerReader
{
    public static Customer Read(YamlMap map)
    {
        var ctx = map.Context;
        var id = map.Id("id") ?? "";
        if (id.Length > 0)
        {
            map.What = $"customer '{id}'";
            ctx.Define("customer", id, map.Node("id")!.Start);
        }
        map.RejectUnknownFields("id", "name", "aliases", "account_owner", "partners");
        var owner = map.Id("account_owner", required: false);
        if (owner is not null)
            ctx.Refer(ReferenceKind.Person, owner, map.Node("account_owner")!.Start, $"{map.What} has unknown account owner '{owner}'");
        if (map.Node("partners") is null) ctx.Error(map.Start, $"{map.What} is missing required field 'partners'");
        var partners = new List<string>();
        foreach (var (partner, at) in map.List("partners"))
        {
            if (partners.Contains(partner)) { ctx.Error(at, $"{map.What}: partner '{partner}' is listed twice"); continue; }
            partners.Add(partner);
            ctx.Refer(ReferenceKind.Partner, partner, at, $"{map.What} names unknown partner '{partner}'");
        }
        return new Customer(id, map.Text("name") ?? "", map.List("aliases").Select(a => a.Value).Distinct().ToList(), owner, partners);
    }
}
