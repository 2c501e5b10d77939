// Checks a dutylist HTML page in headless Chromium:
//   node check_page.mjs PAGE.html EXPECTED.json SCREENSHOT_DIR
// EXPECTED.json: {"lists": [{"name": "basic", "rows": [[["paragraph", ...], ...], ...]}, ...]}
// Checks that the page loads without console errors or outside requests, that every table
// holds exactly the expected rows, cells and paragraphs, that the search box filters rows as
// one types, that the page shows every row without scripts, that printing repeats the header
// row, and that on a 390 px phone the page does not scroll sideways. Writes screenshots to
// SCREENSHOT_DIR. Exits 1 with the problems listed.
import { readFileSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { launchBrowser, openOfflinePage } from "./offline_page.mjs";

const [pagePath, expectedPath, shotDir] = process.argv.slice(2);
if (!pagePath || !expectedPath || !shotDir) {
  console.error("usage: node check_page.mjs PAGE.html EXPECTED.json SCREENSHOT_DIR");
  process.exit(2);
}
const expected = JSON.parse(readFileSync(expectedPath, "utf8"));
const url = pathToFileURL(resolve(pagePath)).href;
mkdirSync(shotDir, { recursive: true });

const problems = [];
const fail = (message) => problems.push(message);
const squeeze = (s) => s.replace(/\s+/g, "").toLowerCase();

const browser = await launchBrowser();
const openPage = (options) => openOfflinePage(browser, url, fail, options);

// The rows of every table as the DOM holds them: id, visibility and the paragraphs of each cell.
const readTables = (page) => page.evaluate(() =>
  Array.from(document.querySelectorAll("table.duty-list")).map((table) => ({
    id: table.id,
    headers: table.tHead.rows.length,
    rows: Array.from(table.tBodies[0].rows).map((row) => ({
      id: row.id,
      visible: row.offsetParent !== null,
      cells: Array.from(row.cells).map((cell) => Array.from(cell.querySelectorAll("p")).map((p) => p.textContent)),
    })),
  })));

try {
  const { context, page } = await openPage({});
  const tables = await readTables(page);
  if (tables.length !== expected.lists.length) fail(`${tables.length} tables, expected ${expected.lists.length}`);
  const counts = tables.map((t) => t.rows.length);
  console.log(`rows per table: ${counts.join("/")}`);
  expected.lists.forEach((list, l) => {
    const table = tables[l];
    if (!table) return;
    if (table.id !== `table-${list.name}`) fail(`table ${l + 1} is #${table.id}, expected #table-${list.name}`);
    if (table.headers !== 1) fail(`table ${l + 1} has ${table.headers} header rows`);
    if (table.rows.length !== list.rows.length) fail(`table ${l + 1}: ${table.rows.length} rows, expected ${list.rows.length}`);
    list.rows.forEach((cells, r) => {
      const row = table.rows[r];
      if (!row) return;
      if (row.id !== `${list.name}-${r + 1}`) fail(`row ${r + 1} of ${list.name} has id "${row.id}"`);
      if (!row.visible) fail(`row ${list.name}-${r + 1} is not shown`);
      if (JSON.stringify(row.cells) !== JSON.stringify(cells))
        fail(`row ${list.name}-${r + 1}: cells ${JSON.stringify(row.cells).slice(0, 200)} expected ${JSON.stringify(cells).slice(0, 200)}`);
    });
  });
  await page.screenshot({ path: `${shotDir}/page.png` });

  const title = await page.title();
  if (!title) fail("the page has no title");
  const lang = await page.evaluate(() => document.documentElement.lang);
  if (lang !== "zh-CN") fail(`lang is "${lang}"`);

  // The filter: a word from the data shows exactly the rows that contain it, in every list.
  const allRows = expected.lists.flatMap((list) => list.rows.map((cells, r) => ({ id: `${list.name}-${r + 1}`, text: squeeze(cells.flat().join("")) })));
  const words = ["消防", "党的建设", "Zz无此词zZ"];
  const search = page.locator("#filter");
  if (!(await search.isVisible())) fail("the search box is not shown");
  for (const word of words) {
    await search.fill("");
    await search.pressSequentially(word);
    const want = allRows.filter((row) => row.text.includes(squeeze(word))).map((row) => row.id);
    const got = (await readTables(page)).flatMap((t) => t.rows.filter((r) => r.visible).map((r) => r.id));
    console.log(`filter "${word}": ${got.length} rows shown, ${want.length} expected`);
    if (JSON.stringify(got) !== JSON.stringify(want)) fail(`filter "${word}": shows ${got.length} rows (${got.slice(0, 5)}…), expected ${want.length} (${want.slice(0, 5)}…)`);
    if (word === words[0]) await page.screenshot({ path: `${shotDir}/filtered.png` });
  }
  await search.fill("");
  const visibleAfterClear = (await readTables(page)).reduce((n, t) => n + t.rows.filter((r) => r.visible).length, 0);
  if (visibleAfterClear !== allRows.length) fail(`after clearing the filter ${visibleAfterClear} rows are shown, expected ${allRows.length}`);

  // Printing: the header row repeats on every page, the search box is not printed.
  await page.emulateMedia({ media: "print" });
  const print = await page.evaluate(() => ({
    thead: getComputedStyle(document.querySelector("table.duty-list thead")).display,
    search: getComputedStyle(document.getElementById("search")).display,
  }));
  if (print.thead !== "table-header-group") fail(`printed thead display is ${print.thead}`);
  if (print.search !== "none") fail("the search box is printed");
  await page.pdf({ path: `${shotDir}/page.pdf`, preferCSSPageSize: true });
  await context.close();

  // A phone (390 px): the page does not scroll sideways and every row is a card of one column.
  const phone = await openPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const fit = await phone.page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    cards: Array.from(document.querySelectorAll("table.duty-list tbody tr")).every((tr) => getComputedStyle(tr).display === "block"),
    widest: Math.max(...Array.from(document.querySelectorAll("table.duty-list td")).map((td) => td.getBoundingClientRect().right)),
  }));
  console.log(`at 390 px: page ${fit.width} px wide, cells reach ${Math.round(fit.widest)} px`);
  if (fit.width > 390) fail(`at 390 px the page is ${fit.width} px wide: it scrolls sideways`);
  if (fit.widest > 390) fail(`at 390 px a cell reaches ${fit.widest} px`);
  if (!fit.cards) fail("at 390 px the rows are not cards");
  await phone.page.screenshot({ path: `${shotDir}/phone.png` });
  await phone.context.close();

  // Without scripts every row is shown and the useless search box stays hidden.
  const noScript = await openPage({ javaScriptEnabled: false });
  const plain = await readTables(noScript.page);
  const shown = plain.reduce((n, t) => n + t.rows.filter((r) => r.visible).length, 0);
  if (shown !== allRows.length) fail(`without scripts ${shown} rows are shown, expected ${allRows.length}`);
  if (await noScript.page.locator("#search").isVisible()) fail("without scripts the search box is shown");
  await noScript.context.close();
} catch (e) {
  fail(`the check stopped: ${e.stack || e}`);
} finally {
  await browser.close();
}

if (problems.length) {
  console.error(`${problems.length} problems:\n  ` + problems.slice(0, 20).join("\n  "));
  process.exit(1);
}
console.log("the page passed every check");
