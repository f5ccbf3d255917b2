using EngageBot.Features.ChurnRisk.Evaluation;

namespace EngageBot.Features.ChurnRisk.Detection.Embedding;

/// <summary>One labelled training message as the classifier sees it: its features, its hashed n-grams and the rules' verdict on it.</summary>
public sealed record ChurnExample(LabelledChurnMessage Message, float[] Features, int[] Ngrams, ChurnSignal Rules);
