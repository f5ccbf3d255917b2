// Validates expanded Adaptive Cards with Microsoft's adaptivecards JS library (no browser needed for parsing).
// stdin: JSON array of {name, card}; stdout: JSON array of {name, events: [{phase, event, message}], parsed}.
// Collects every parse event (unknown types/properties, version issues) and every validateProperties() failure.
// parsed is the card as this engine understood it (toJSON): an element type it does not know (Teams' Chart.*) is
// replaced by its fallback there, which is what a client without charts shows.
import { createRequire } from "node:module";

// lib/ is ES modules without file extensions, which node's ESM loader refuses; the UMD bundle loads fine.
const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js");

const input = JSON.parse(await readStdin());
const results = input.map(({ name, card }) => {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const events = [];
  let parsed = null;
  try {
    const adaptiveCard = new AC.AdaptiveCard();
    adaptiveCard.parse(card, context);
    for (let i = 0; i < context.eventCount; i++) {
      const e = context.getEventAt(i);
      events.push({ phase: AC.ValidationPhase[e.phase], event: AC.ValidationEvent[e.event], message: e.message });
    }
    for (const e of adaptiveCard.validateProperties().validationEvents) {
      events.push({ phase: "Validation", event: AC.ValidationEvent[e.event], message: e.message });
    }
    parsed = adaptiveCard.toJSON();
    if (card?.version !== "1.5") events.push({ phase: "Validation", event: "Version", message: `version is ${card?.version}, expected 1.5` });
  } catch (e) {
    events.push({ phase: "Parse", event: "Exception", message: String(e?.stack ?? e) });
  }
  return { name, events, parsed };
});
process.stdout.write(JSON.stringify(results));

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}
