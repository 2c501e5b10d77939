// Checks the page of `dutylist serve` in headless Chromium against a running server:
//   node check_serve.mjs URL OLD_FILE NEW_FILE SCREENSHOT_DIR
// Chooses both files at once as a clerk would, then checks: no console error and no request
// beyond the server; each file's card lists its lists with item counts; the search box filters
// the preview; the Word download is a DOCX named after the file; the two files' revision report
// is shown with its 修订对照表 download; the review page downloads and opens with every item; the
// English switch. Prints "items: a/b/c" for the first
// file and exits 1 with the problems listed.
import { mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { chromium } from "playwright-core";

const [url, oldFile, newFile, shotDir] = process.argv.slice(2);
if (!url || !oldFile || !newFile || !shotDir) {
  console.error("usage: node check_serve.mjs URL OLD_FILE NEW_FILE SCREENSHOT_DIR");
  process.exit(2);
}
mkdirSync(shotDir, { recursive: true });
const origin = new URL(url).origin;
const problems = [];
const fail = (message) => problems.push(message);
// Conversions run on a loaded machine (and under ASan): generous, but never forever.
const wait = { timeout: 90000 };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") fail(`console error: ${m.text()}`); });
  page.on("pageerror", (e) => fail(`script error: ${e.message}`));
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith("blob:")) fail(`the page loads an outside resource: ${u}`);
  });
  await page.goto(url, { waitUntil: "load" });
  if ((await page.textContent("h1")) !== "履职事项清单转换") fail("the page does not open in Chinese");

  await page.setInputFiles("#files", [oldFile, newFile]);
  await page.waitForFunction(() => document.querySelectorAll(".card table.lists").length === 2
                                   || document.querySelector(".card .error"), null, wait);
  const error = await page.$(".card .error");
  if (error) fail(`a file was refused: ${await error.textContent()}`);
  const counts = await page.$$eval("#cards .card:first-child table.lists td.n", (cells) => cells.map((c) => c.textContent));
  console.log(`items: ${counts.join("/")}`);

  const card = page.locator("#cards .card").first();
  const rowsBefore = await card.locator(".preview tr").count();
  await card.locator(".preview-bar input").fill("消防");
  const rowsAfter = await card.locator(".preview tr").count();
  if (!(rowsAfter > 1 && rowsAfter < rowsBefore)) fail(`search 消防 left ${rowsAfter - 1} of ${rowsBefore - 1} rows`);
  await card.locator(".preview-bar input").fill("");

  const [download] = await Promise.all([page.waitForEvent("download", wait), card.locator("button[data-format=docx]").click()]);
  const saved = await download.path();
  if (!download.suggestedFilename().endsWith(".docx")) fail(`the Word download is called ${download.suggestedFilename()}`);
  if (readFileSync(saved).subarray(0, 2).toString() !== "PK") fail("the Word download is not a DOCX");

  // The review page, opened from the file saved: every item, each with its table and row (a
  // DOCX has no page pictures), loading nothing from anywhere.
  const [reviewDownload] = await Promise.all([page.waitForEvent("download", wait), card.locator("button[data-format=review]").click()]);
  // Saved under its own name: Chromium takes a file without .html for text.
  const reviewFile = `${shotDir}/review-page.html`;
  await reviewDownload.saveAs(reviewFile);
  if (!reviewDownload.suggestedFilename().endsWith(".review.html")) fail(`the review download is called ${reviewDownload.suggestedFilename()}`);
  const review = await context.newPage();
  review.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) fail(`the review page loads ${r.url()}`); });
  review.on("pageerror", (e) => fail(`review page script error: ${e.message}`));
  await review.goto("file://" + resolve(reviewFile), { waitUntil: "load" });
  const reviewItems = await review.locator("li.item").count();
  const placed = await review.locator("li.item figcaption", { hasText: "个表格" }).count();
  if (reviewItems !== 240 || placed !== 240) fail(`the review page shows ${reviewItems} items, ${placed} with their table and row`);
  await review.check("#only-doubtful");
  if (await review.locator("li.item:visible").count() !== await review.locator("li.item.doubtful").count()) fail("只看需核对的项 shows other items");
  await review.uncheck("#only-doubtful");
  await review.screenshot({ path: `${shotDir}/review-page.png`, fullPage: false });
  await review.close();

  await page.waitForSelector("#diff-result iframe", wait);
  if (await page.locator("#diff-result button[data-diff-format=docx]").count() !== 1) fail("no 修订对照表 download");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${shotDir}/serve-page.png`, fullPage: false });

  await page.click("#lang");
  if ((await page.textContent("h1")) !== "Duty list converter") fail("the English switch does not change the page");
  await page.screenshot({ path: `${shotDir}/serve-page-en.png`, fullPage: false });
  await context.close();
} catch (e) {
  fail(`the page could not be driven: ${e.message}`);
} finally {
  await browser.close();
}
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
