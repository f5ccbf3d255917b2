namespace EngageBot.Cards;

public static class CardsModule
{
    public static WebApplicationBuilder AddCards(this WebApplicationBuilder builder)
    {
        return builder;
    }
}
