// Headless Chromium for the HTML checks: one browser, and pages opened on a local file that
// report console errors, script errors and any request that leaves the file through `fail`.
import { chromium } from "playwright-core";

export const launchBrowser = () => chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});

export async function openOfflinePage(browser, url, fail, options) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") fail(`console ${m.type()}: ${m.text()}`); });
  page.on("pageerror", (e) => fail(`script error: ${e.message}`));
  page.on("request", (r) => { if (r.url() !== url) fail(`the page loads an outside resource: ${r.url()}`); });
  await page.goto(url, { waitUntil: "load" });
  return { context, page };
}
