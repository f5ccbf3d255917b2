# syntax=docker/dockerfile:1
# EngageBot container: `docker build -t engagebot .` then
#   docker run -p 8080:8080 -v engagebot-data:/data -e EngageBot__Slack__SigningSecret=... engagebot
# The SQLite database lives on the /data volume; with EngageBot__Storage__Provider=AzureTables the volume is unused.

# Build stage: the SDK restores and publishes (framework-dependent, like the App Service package).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY src/EngageBot.AdaptiveCards/EngageBot.AdaptiveCards.csproj src/EngageBot.AdaptiveCards/
COPY src/EngageBot.BotFramework/EngageBot.BotFramework.csproj src/EngageBot.BotFramework/
COPY src/EngageBot.SlackApi/EngageBot.SlackApi.csproj src/EngageBot.SlackApi/
COPY src/EngageBot/EngageBot.csproj src/EngageBot/
RUN dotnet restore src/EngageBot/EngageBot.csproj
COPY cards/ cards/
COPY manifests/teams/ manifests/teams/
COPY src/ src/
RUN dotnet publish src/EngageBot/EngageBot.csproj -c Release --no-restore -o /app /p:UseAppHost=false

# Runtime stage: ASP.NET Core runtime only, run as the image's non-root "app" user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    EngageBot__Storage__DataDirectory=/data
RUN mkdir -p /data && chown $APP_UID /data
VOLUME /data
COPY --from=build /app .
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["dotnet", "engagebot.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "engagebot.dll"]
CMD ["serve"]
