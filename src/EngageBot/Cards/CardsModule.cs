using EngageBot.Cards.Actions;
using EngageBot.Cards.Charts;
using EngageBot.Channels;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        // TryAdd: the Slack module may have registered the same renderer already (it needs one to upload charts).
        builder.Services.TryAddSingleton<IChartImageRenderer>(_ => new ChartPngRenderer());
        builder.Services.AddSingleton<ChartPngWriter>();
        return builder;
    }
}
