// Drives the playground page in headless Chromium as a person would: a partner asks, the triage card arrives, the owner
// presses its button, the clock moves forward and the SLA nudge appears. Saves screenshots for the README.
//   node tests/node/playground-browser.mjs <base-url> <screenshot-dir>
// Needs Debian's chromium (apt-get install -y chromium); override with CHROMIUM_PATH.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node tests/node/playground-browser.mjs <base-url> <screenshot-dir>");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const step = (text) => console.log(`step: ${text}`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 820 }, deviceScaleFactor: 1 });
  page.setDefaultTimeout(30_000);
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));

  step("a partner opens the playground and asks in their shared channel");
  await page.goto(`${base}/playground?as=contact.northwind`);
  await page.waitForSelector("body[data-live=true]");
  await page.fill("#text", "How do we rotate the API key for our production tenant?");
  await page.click("#send");
  await page.locator(".replies .message", { hasText: "logged this as ticket" }).waitFor();
  await page.screenshot({ path: join(shots, "playground-partner-question.png") });

  step("the owner sees the triage card and presses Assign to me");
  await page.selectOption("#as", "priya.nair");
  await page.click('#channels li[data-conversation="triage"]');
  const card = page.locator("#messages .message", { has: page.locator(".card") }).last();
  await card.locator("button", { hasText: "Assign to me" }).waitFor();
  await page.screenshot({ path: join(shots, "playground-triage-card.png") });
  await card.locator("button", { hasText: "Assign to me" }).click();
  await page.locator("#messages .message .card", { hasText: "Priya Nair" }).waitFor();

  // 09:00 + 1 h 45 min: past the warning (75% of the 2-hour first-response target), before the breach.
  step("the clock moves 1 h 45 min and the SLA warning arrives by direct message");
  await page.click('#clock button[data-minutes="60"]');
  for (let i = 0; i < 3; i++) await page.click('#clock button[data-minutes="15"]');
  await page.click('#dms li[data-conversation="dm-priya.nair"]');
  await page.locator("#messages .message", { hasText: "first response is due" }).waitFor();
  await page.screenshot({ path: join(shots, "playground-sla-nudge.png") });

  if (errors.length) throw new Error(`the page reported errors: ${errors.join("; ")}`);
  console.log("ok");
} finally {
  await browser.close();
}
