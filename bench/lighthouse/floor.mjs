// What Leptos and wasm cost on their own on a signed-in reload: scripts/bench runs it
// last. Four pages, each reloaded signed in until its "editable" mark:
//   widget    the widget's page (/)
//   floor     bench/floor (/floor/): Leptos, serde and the profile asked for before
//             the wasm, six prefilled fields, nothing else
//   floor+    the floor that first fetches and compiles the widget's wasm without
//             running it (/floor/?widget-wasm): the floor plus the widget's bytes
//   baseline  the hand-written baseline (/baseline/)
// The widget and the floors share one tab (the floor uses the widget's session); the
// baseline has a browser context of its own. Rounds alternate the pages; each round
// reloads a page three times untimed, then three times timed. Figures only, no checks.
//
//   node floor.mjs PAGE_URL ISSUER USER PASSWORD [ROUNDS]
import { editable, endSessions, launch, markTime, median, signIn } from "./shared.mjs";

const [pageUrl, issuer, user, password, roundsArg] = process.argv.slice(2);
const ROUNDS = Number(roundsArg) || 6;

const browser = await launch();
await endSessions(issuer);
const tabs = {};
for (const path of ["", "baseline/"]) {
  const page = await (await browser.createBrowserContext()).newPage();
  await page.goto(new URL(path, pageUrl).href);
  await signIn(page, user, password);
  tabs[path] = page;
}
const sides = [
  ["widget", "", ""],
  ["floor", "", "floor/"],
  ["floor+", "", "floor/?widget-wasm"],
  ["baseline", "baseline/", "baseline/"],
];
const times = Object.fromEntries(sides.map(([side]) => [side, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [side, tab, path] of sides) {
    const page = tabs[tab];
    await page.bringToFront();
    await page.goto(new URL(path, pageUrl).href);
    await editable(page);
    for (let i = 0; i < 6; i++) {
      await page.reload();
      await editable(page);
      if (i >= 3) {
        times[side].push(await markTime(page));
      }
    }
  }
}
await browser.close();

const baseline = median(times.baseline);
console.log(`signed-in reload → editable mark, medians of ${ROUNDS * 3} reloads per page`);
console.log(`${"page".padEnd(12)}${"ms".padStart(8)}${"× baseline".padStart(13)}`);
for (const [side] of sides) {
  const ms = median(times[side]);
  console.log(`${side.padEnd(12)}${ms.toFixed(1).padStart(8)}${(ms / baseline).toFixed(2).padStart(13)}`);
}
