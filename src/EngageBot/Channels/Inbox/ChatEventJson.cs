using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace EngageBot.Channels.Inbox;

/// <summary>
/// JSON for stored chat events and outbound messages. <see cref="ChatEvent"/> subtypes carry a "$type"
/// discriminator (configured here so the port records stay free of serializer attributes); the names are
/// stored data, so never rename one.
/// </summary>
public static class ChatEventJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize(ChatEvent chatEvent) => JsonSerializer.Serialize(chatEvent, Options);

    public static ChatEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<ChatEvent>(json, Options) ?? throw new JsonException("The stored event is empty.");

    private static JsonSerializerOptions Create()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(info =>
        {
            if (info.Type != typeof(ChatEvent))
                return;
            info.PolymorphismOptions = new JsonPolymorphismOptions
            {
                TypeDiscriminatorPropertyName = "$type",
                UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
                DerivedTypes =
                {
                    new JsonDerivedType(typeof(MessagePosted), "message-posted"),
                    new JsonDerivedType(typeof(MessageEdited), "message-edited"),
                    new JsonDerivedType(typeof(MessageDeleted), "message-deleted"),
                    new JsonDerivedType(typeof(ReactionChanged), "reaction-changed"),
                    new JsonDerivedType(typeof(MembershipChanged), "membership-changed"),
                    new JsonDerivedType(typeof(BotMembershipChanged), "bot-membership-changed"),
                    new JsonDerivedType(typeof(CardActionInvoked), "card-action-invoked"),
                    new JsonDerivedType(typeof(CommandInvoked), "command-invoked"),
                    new JsonDerivedType(typeof(MessageActionInvoked), "message-action-invoked"),
                },
            };
        });
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = resolver,
            AllowOutOfOrderMetadataProperties = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Outbound chart values may be NaN ("nothing to measure that week"): stored as "NaN", never a failed enqueue.
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }
}
