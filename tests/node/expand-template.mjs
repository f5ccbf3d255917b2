// Expands Adaptive Card templates with Microsoft's reference engine (adaptivecards-templating).
// stdin: JSON array of {name, template, data}; stdout: JSON array of {name, card} or {name, error}.
// Batched so the .NET tests pay node's start-up cost once per run.
import * as ACData from "adaptivecards-templating";

const input = JSON.parse(await readStdin());
const results = input.map(({ name, template, data }) => {
  try {
    const card = new ACData.Template(template).expand({ $root: data });
    return { name, card: card === undefined ? null : card };
  } catch (e) {
    return { name, error: String(e?.message ?? e) };
  }
});
process.stdout.write(JSON.stringify(results));

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}
