namespace EngageBot.SlackApi.Signing;

public enum SlackSignatureResult { Valid, NoSecretConfigured, MissingHeaders, UnknownVersion, Stale, Mismatch }
