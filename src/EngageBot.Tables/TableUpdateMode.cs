namespace EngageBot.Tables;

/// <summary>Merge keeps properties the entity leaves out; Replace overwrites the whole entity.</summary>
public enum TableUpdateMode { Merge, Replace }
