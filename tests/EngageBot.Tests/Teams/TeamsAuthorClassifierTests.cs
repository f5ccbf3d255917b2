using EngageBot.BotFramework.Schema;
using EngageBot.Channels;
using EngageBot.Channels.Teams;
using Microsoft.Extensions.Options;

namespace EngageBot.Tests.Teams;

/// <summary>Every branch of the Teams author classification, on accounts shaped like a message's <c>from</c> (protocols.md A.4).</summary>
public sealed class TeamsAuthorClassifierTests
{
    private const string Ours = TeamsHost.TenantId;
    private const string PartnerTenant = "0a0b0c0d-0000-0000-0000-00000000beef";
    private readonly FakeDirectoryLookup _directory = new();

    [Fact]
    public async Task An_account_without_an_id_is_nobody()
    {
        Assert.Null(await ClassifyAsync(new ChannelAccount { Name = "ghost" }, Ours));
        Assert.Null(await ClassifyAsync(null, Ours));
    }

    [Theory]
    [InlineData("28:other-bot", null)]
    [InlineData("29:1relay", "bot")]
    public async Task Bots_are_bots_whatever_their_tenant(string id, string? role)
    {
        var user = await ClassifyAsync(new ChannelAccount { Id = id, Role = role, TenantId = PartnerTenant }, Ours);

        Assert.Equal(AuthorKind.Bot, user!.Kind);
    }

    [Fact]
    public async Task Directory_people_are_internal_by_aad_object_id_or_by_29_id_even_from_another_tenant()
    {
        _directory.AddTeamsPerson("aad-sister-company", "Sam").AddTeamsPerson("29:1legacy", "Lee");

        var byAad = await ClassifyAsync(Account("aad-sister-company", tenant: PartnerTenant), Ours);
        var byId = await ClassifyAsync(new ChannelAccount { Id = "29:1legacy" }, Ours);

        Assert.Equal((AuthorKind.Internal, AuthorKind.Internal), (byAad!.Kind, byId!.Kind));
    }

    [Fact]
    public async Task A_shared_channel_member_from_another_home_tenant_is_a_partner()
    {
        var user = await ClassifyAsync(Account("aad-ext", tenant: PartnerTenant), Ours);

        Assert.Equal(AuthorKind.Partner, user!.Kind);
        Assert.Equal(PartnerTenant, user.HomeTeamId);
    }

    [Theory]
    [InlineData("guest")]
    [InlineData("Anonymous")]
    public async Task Guests_in_our_own_tenant_are_partners(string role)
    {
        var user = await ClassifyAsync(Account("aad-guest", tenant: Ours) with { UserRole = role }, Ours);

        Assert.Equal(AuthorKind.Partner, user!.Kind);
    }

    [Fact]
    public async Task A_same_tenant_entra_user_missing_from_the_directory_is_internal()
    {
        // A channel message's from carries no tenantId: the activity's tenant (our configured one) is the user's.
        var user = await ClassifyAsync(Account("aad-new-colleague"), Ours);

        Assert.Equal(AuthorKind.Internal, user!.Kind);
        Assert.Equal(Ours, user.HomeTeamId);
    }

    [Fact]
    public async Task An_account_naming_our_tenant_as_home_is_internal_in_a_channel_a_partner_hosts()
    {
        var user = await ClassifyAsync(Account("aad-ours", tenant: Ours.ToUpperInvariant()), PartnerTenant);

        Assert.Equal(AuthorKind.Internal, user!.Kind);
    }

    [Fact]
    public async Task An_entra_user_without_a_home_tenant_in_a_channel_a_partner_hosts_is_unknown()
    {
        var user = await ClassifyAsync(Account("aad-someone"), PartnerTenant);

        Assert.Equal(AuthorKind.Unknown, user!.Kind);
    }

    [Fact]
    public async Task An_account_without_an_aad_object_id_is_not_taken_for_a_colleague()
    {
        var user = await ClassifyAsync(new ChannelAccount { Id = "29:1anon", Name = "Visitor" }, Ours);

        Assert.Equal(AuthorKind.Unknown, user!.Kind);
    }

    [Fact]
    public async Task Without_a_configured_tenant_the_host_tenant_spots_strangers_but_makes_no_one_internal()
    {
        var stranger = await ClassifyAsync(Account("aad-ext", tenant: PartnerTenant), Ours, configuredTenant: null);
        var hostTenantUser = await ClassifyAsync(Account("aad-host"), Ours, configuredTenant: null);

        Assert.Equal(AuthorKind.Partner, stranger!.Kind);
        Assert.Equal(AuthorKind.Unknown, hostTenantUser!.Kind);
    }

    private static ChannelAccount Account(string aad, string? tenant = null) =>
        new() { Id = "29:1" + aad, AadObjectId = aad, Name = aad, TenantId = tenant };

    private Task<ChatUser?> ClassifyAsync(ChannelAccount? account, string? hostTenant, string? configuredTenant = Ours) =>
        new TeamsAuthorClassifier(_directory, Options.Create(new TeamsOptions { AppId = TeamsHost.AppId, TenantId = configuredTenant }))
            .ClassifyAsync(account, hostTenant, default);
}
