using System.ComponentModel.DataAnnotations;
using EngageBot.BotFramework.Authentication;
using EngageBot.Channels.Teams;

namespace EngageBot.Tests.Teams;

/// <summary>Start-up validation of EngageBot:Teams: messages name the key an admin must fix.</summary>
public sealed class TeamsOptionsTests
{
    [Fact]
    public void Teams_without_app_id_is_disabled_and_valid() =>
        Assert.Empty(Validate(new TeamsOptions()));

    [Fact]
    public void Single_tenant_needs_tenant_id_and_password() =>
        Assert.Equal(
            ["EngageBot:Teams:AppPassword is required when EngageBot:Teams:AppType is SingleTenant.",
             "EngageBot:Teams:TenantId is required when EngageBot:Teams:AppType is SingleTenant."],
            Validate(new TeamsOptions { AppId = "app", AppType = BotAppType.SingleTenant }));

    [Fact]
    public void Multi_tenant_needs_a_password_but_no_tenant() =>
        Assert.Equal(["EngageBot:Teams:AppPassword is required when EngageBot:Teams:AppType is MultiTenant."],
            Validate(new TeamsOptions { AppId = "app", AppType = BotAppType.MultiTenant }));

    [Fact]
    public void Managed_identity_must_not_have_a_password() =>
        Assert.Contains("EngageBot:Teams:AppPassword must be empty when EngageBot:Teams:AppType is UserAssignedMsi (the managed identity has no secret).",
            Validate(new TeamsOptions { AppId = "app", AppType = BotAppType.UserAssignedMsi, TenantId = "t", AppPassword = "x" }));

    [Fact]
    public void Plain_http_endpoints_are_only_allowed_on_loopback()
    {
        var options = new TeamsOptions { AppId = "app", AppPassword = "p", TenantId = "t", OpenIdMetadataUrl = "http://example.com/meta", TokenEndpoint = "http://127.0.0.1:5000/" };

        Assert.Equal(["EngageBot:Teams:OpenIdMetadataUrl must be an absolute https URL (http only on loopback)."], Validate(options));
    }

    private static List<string?> Validate(TeamsOptions options) =>
        options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage).ToList();
}
