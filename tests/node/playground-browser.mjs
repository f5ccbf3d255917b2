// Drives the playground page in headless Chromium as a person would: a partner asks, the triage card arrives, the owner
// presses its button, the clock moves forward and the SLA nudge appears, then to the next Monday 08:00 UTC when the
// executive's weekly digest arrives. Saves screenshots into <screenshot-dir> (PlaygroundBrowserTests chooses it: an
// artifacts folder, or docs/images with ENGAGEBOT_UPDATE_SCREENSHOTS=1).
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

  // Monday 10:45 New York is 15:45 UTC: six days, then 4 x 4 h and 1 h, is the next Monday 08:45 UTC, within the
  // digest's missed-run window after 08:00 in the executive's zone (UTC: the sample names none for her).
  step("the clock moves to the next Monday morning and the executive's weekly digest arrives by direct message");
  const clockButton = async (minutes, times) => {
    for (let i = 0; i < times; i++) await page.click(`#clock button[data-minutes="${minutes}"]`);
  };
  await clockButton(1440, 6);
  await clockButton(240, 4);
  await clockButton(60, 1);
  await page.selectOption("#as", "elena.ortiz");
  await page.click('#dms li[data-conversation="dm-elena.ortiz"]');
  const digest = page.locator("#messages .message", { has: page.locator(".card", { hasText: "Partners needing attention" }) }).last();
  await digest.waitFor({ timeout: 60_000 });
  await digest.locator(".card", { hasText: "SLA attainment, last 8 weeks" }).waitFor();
  await page.setViewportSize({ width: 1280, height: 1900 });
  await digest.scrollIntoViewIfNeeded();
  await digest.screenshot({ path: join(shots, "playground-digest.png") });

  if (errors.length) throw new Error(`the page reported errors: ${errors.join("; ")}`);
  console.log("ok");
} finally {
  await browser.close();
}
