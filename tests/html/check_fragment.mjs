// Checks a dutylist HTML fragment (--html-fragment) pasted into a website's page, in headless
// Chromium:
//   node check_fragment.mjs FRAGMENT.html ROWS SCREENSHOT_DIR
// The host page has a table and paragraphs of its own, as a government site's article does.
// Checks that the fragment shows ROWS body rows, that its style reaches nothing of the host
// page, and that on a 390 px phone neither scrolls sideways and every row is a card. Writes
// screenshots to SCREENSHOT_DIR. Exits 1 with the problems listed.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { launchBrowser, openOfflinePage } from "./offline_page.mjs";

const [fragmentPath, rowsArg, shotDir] = process.argv.slice(2);
if (!fragmentPath || !rowsArg || !shotDir) {
  console.error("usage: node check_fragment.mjs FRAGMENT.html ROWS SCREENSHOT_DIR");
  process.exit(2);
}
mkdirSync(shotDir, { recursive: true });
const hostPath = resolve(shotDir, "host.html");
writeFileSync(hostPath, `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>通知公告</title></head>
<body><article><h1>关于公布履职事项清单的通知</h1><p id="host-text">各村（社区）：现将清单公布如下。</p>
<table id="host-table"><tr><td>附件</td><td>履职事项清单</td></tr></table>
${readFileSync(fragmentPath, "utf8")}
<p>特此通知。</p></article></body></html>`);
const url = pathToFileURL(hostPath).href;

const problems = [];
const fail = (message) => problems.push(message);

const browser = await launchBrowser();
const openPage = (options) => openOfflinePage(browser, url, fail, options);

try {
  const wide = await openPage({});
  const seen = await wide.page.evaluate(() => ({
    rows: document.querySelectorAll(".dutylist table.duty-list tbody tr").length,
    hostBorder: getComputedStyle(document.querySelector("#host-table td")).borderTopStyle,
    hostMargin: getComputedStyle(document.getElementById("host-text")).marginTop,
  }));
  console.log(`rows: ${seen.rows}`);
  if (seen.rows !== Number(rowsArg)) fail(`${seen.rows} rows, expected ${rowsArg}`);
  if (seen.hostBorder !== "none") fail(`the fragment's style gives the host page's table a ${seen.hostBorder} border`);
  if (seen.hostMargin === "0px") fail("the fragment's style takes the host page's paragraph margins");
  await wide.page.screenshot({ path: `${shotDir}/fragment.png` });
  await wide.context.close();

  const phone = await openPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const fit = await phone.page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    cards: Array.from(document.querySelectorAll(".dutylist table.duty-list tbody tr")).every((tr) => getComputedStyle(tr).display === "block"),
    widest: Math.max(...Array.from(document.querySelectorAll(".dutylist table.duty-list td, .dutylist h1, .dutylist h2, .dutylist caption"))
      .map((e) => e.getBoundingClientRect().right)),
  }));
  console.log(`at 390 px: page ${fit.width} px wide, the fragment reaches ${Math.round(fit.widest)} px`);
  if (fit.width > 390) fail(`at 390 px the host page is ${fit.width} px wide: it scrolls sideways`);
  if (fit.widest > 390) fail(`at 390 px the fragment reaches ${fit.widest} px`);
  if (!fit.cards) fail("at 390 px the rows are not cards");
  await phone.page.screenshot({ path: `${shotDir}/fragment-phone.png` });
  await phone.context.close();
} catch (e) {
  fail(`the check stopped: ${e.stack || e}`);
} finally {
  await browser.close();
}

if (problems.length) {
  console.error(`${problems.length} problems:\n  ` + problems.slice(0, 20).join("\n  "));
  process.exit(1);
}
