// Renders every card in cards/ to PNG with Microsoft's adaptivecards JS renderer in headless Chromium, to eyeball
// layout. Templates are expanded with the reference engine (adaptivecards-templating), which the .NET parity test
// shows gives the same card as EngageBot.AdaptiveCards.
//   node tests/node/render-cards.mjs <outdir> [card-name ...]
// Needs Debian's chromium (apt-get install -y chromium); override with CHROMIUM_PATH.
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as ACData from "adaptivecards-templating";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const cardsDir = resolve(here, "..", "..", "cards");
const [outDir, ...only] = process.argv.slice(2);
if (!outDir) {
  console.error("usage: node tests/node/render-cards.mjs <outdir> [card-name ...]");
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

const names = readdirSync(cardsDir)
  .filter((f) => f.endsWith(".json") && !f.endsWith(".data.json"))
  .map((f) => f.slice(0, -5))
  .filter((n) => only.length === 0 || only.includes(n));

const cards = names.map((name) => {
  const template = JSON.parse(readFileSync(join(cardsDir, `${name}.json`), "utf8"));
  const data = JSON.parse(readFileSync(join(cardsDir, `${name}.data.json`), "utf8"));
  return { name, card: new ACData.Template(template).expand({ $root: data }) };
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: 560, height: 800 }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; padding: 16px; background: #f5f5f5; font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif; }
    #host { width: 500px; background: #fff; border: 1px solid #e0e0e0; border-radius: 4px; }
    .ac-pushButton { border: 1px solid #c8c6c4; background: #fff; padding: 4px 12px; border-radius: 4px; font-weight: 600; }
    a { color: #6264a7; }
  </style></head><body><div id="host"></div></body></html>`);
  await page.addStyleTag({ path: require.resolve("adaptivecards/dist/adaptivecards.css") });
  await page.addScriptTag({ path: require.resolve("adaptivecards/dist/adaptivecards.js") });
  for (const { name, card } of cards) {
    const problems = await page.evaluate((payload) => {
      const AC = window.AdaptiveCards;
      // Minimal Markdown (what Teams supports most): **bold**, _italic_, [text](url).
      AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
        const esc = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
        result.outputHtml = esc
          .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
          .replace(/\b_(.+?)_\b/g, "<em>$1</em>")
          .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>');
        result.didProcess = true;
      };
      const adaptiveCard = new AC.AdaptiveCard();
      adaptiveCard.hostConfig = new AC.HostConfig({ fontFamily: "Segoe UI, Noto Sans, DejaVu Sans, sans-serif", supportsInteractivity: true });
      const context = new AC.SerializationContext(AC.Versions.v1_5);
      adaptiveCard.parse(payload, context);
      const host = document.getElementById("host");
      host.innerHTML = "";
      host.appendChild(adaptiveCard.render());
      const events = [];
      for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i).message);
      return events;
    }, card);
    const file = join(outDir, `${name}.png`);
    writeFileSync(file, await page.locator("#host").screenshot());
    console.log(`${file}${problems.length ? "  (" + problems.join("; ") + ")" : ""}`);
  }
} finally {
  await browser.close();
}
