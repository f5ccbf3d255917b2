namespace EngageBot.Features.ChurnRisk;

public static class ChurnRiskModule
{
    public static WebApplicationBuilder AddChurnRisk(this WebApplicationBuilder builder)
    {
        return builder;
    }
}
