using EngageBot.Cards.Actions;
using EngageBot.Cards.Charts;
using EngageBot.Channels;

namespace EngageBot.Cards;

public static class CardsModule
{
    public static WebApplicationBuilder AddCards(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CardLibrary>();
        builder.Services.AddSingleton<CardActionStore>();
        // AddSingleton (not TryAdd) so these win over any fallback an adapter registered before us.
        builder.Services.AddSingleton<IBlockKitRenderer, BlockKitRenderer>();
        builder.Services.AddSingleton<ICardActionRouter, CardActionRouter>();
        builder.Services.AddSingleton<IChartImageRenderer>(_ => new ChartPngRenderer());
        builder.Services.AddSingleton<ChartPngWriter>();
        return builder;
    }
}
