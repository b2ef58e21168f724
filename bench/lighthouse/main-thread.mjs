// Where a signed-in reload spends its time, widget against baseline: scripts/bench
// runs it after the Lighthouse flow. For each side it signs in once and reloads three
// times untraced (the browser's caches, the wasm's compiled code among them, warm up).
// Then, untraced, RUNS reloads show when each part of the page was in (Resource and
// Navigation Timing); and RUNS traced reloads add up, from the navigation's start to
// the side's "editable" mark, the main thread's tasks by what they did. Figures only,
// no checks: tracing slows the page, so the traced times are longer than the untraced
// ones; what they are for is the split.
//
//   node main-thread.mjs PAGE_URL ISSUER USER PASSWORD [RUNS]
// PAGE_URL serves the widget at / and the baseline at /baseline/; ISSUER is the
// stand-in (started with --test-controls, whose /_dev/reset ends every session).
// CHROMIUM names the browser (default /usr/bin/chromium).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FORM, MARK, editable, endSessions, launch, median, signIn } from "./shared.mjs";

const [pageUrl, issuer, user, password, runsArg] = process.argv.slice(2);
const RUNS = Number(runsArg) || 7;
const CATEGORIES = [
  // Garbage collection and the wasm's lazy compilation count where they happen,
  // mostly inside scripts.
  ["script (JavaScript and wasm)", /^(FunctionCall|v8\.callFunction|TimerFire|EventDispatch|FireAnimationFrame|RunMicrotasks|v8\.run)$/],
  ["script parse and evaluation", /^(v8\.evaluateModule|EvaluateScript|v8\.compile|v8\.compileModule|v8\.produceModuleCache|v8\.parseOnBackground)/],
  ["wasm compile and instantiate", /wasm/i],
  ["style and layout", /^(UpdateLayoutTree|Layout|RecalculateStyles|ScheduleStyleRecalculation)$/],
  ["paint and composite", /^(Paint|PrePaint|Commit|Layerize|UpdateLayer|PaintImage|Decode.*)$/],
  ["navigation and HTML", /^(DocumentLoader::|ParseHTML|HTMLDocumentParser|NavigationBodyLoader|CommitLoad|ResourceDispatcher)/],
];
// A task's own time outside these, and tasks with nothing named inside them (the
// browser's messages between its processes, loading, the tracing itself).
const OTHER = "other tasks";
const scratch = mkdtempSync(join(tmpdir(), "main-thread-"));

const browser = await launch();

// Signed in afresh at `url`: every session at the stand-in ended, none in the tab.
async function signInAfresh(page, url) {
  await endSessions(issuer);
  await page.goto(url);
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await signIn(page, user, password);
}

// One traced reload: the span from the navigation's start to the mark, the main
// thread's busy time in it, and that time by category (each task's direct children;
// a task's own time outside them counts as "other").
async function tracedReload(page, file) {
  await page.tracing.start({ path: file, categories: ["devtools.timeline", "v8", "v8.wasm", "blink.user_timing", "loading", "disabled-by-default-devtools.timeline"] });
  await page.reload();
  await editable(page);
  await page.tracing.stop();
  const events = JSON.parse(readFileSync(file, "utf8")).traceEvents;
  const mark = events.find((e) => e.name === MARK);
  if (!mark) throw new Error(`no "${MARK}" mark in the trace of ${page.url()}`);
  const start = events.filter((e) => e.name === "navigationStart" && e.pid === mark.pid && e.ts < mark.ts).pop().ts;
  const clip = (e) => Math.max(0, Math.min(e.ts + e.dur, mark.ts) - Math.max(e.ts, start)) / 1000;
  const main = events
    .filter((e) => e.ph === "X" && e.pid === mark.pid && e.tid === mark.tid && e.ts + e.dur > start && e.ts < mark.ts)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const split = new Map();
  const add = (name, ms) => split.set(name, (split.get(name) || 0) + ms);
  let busy = 0;
  let task = null;
  let childEnd = 0;
  for (const e of main) {
    if (e.name === "RunTask" && (!task || e.ts >= task.ts + task.dur)) {
      task = e;
      childEnd = e.ts;
      busy += clip(e);
      add(OTHER, clip(e));
      continue;
    }
    // A direct child of the current task: inside it, and after the last child.
    if (!task || e.ts >= task.ts + task.dur || e.ts < childEnd) continue;
    childEnd = e.ts + e.dur;
    const category = CATEGORIES.find(([, pattern]) => pattern.test(e.name))?.[0] ?? OTHER;
    add(OTHER, -clip(e));
    add(category, clip(e));
  }
  return { span: (mark.ts - start) / 1000, busy, split };
}

// One untraced reload, as Resource Timing and Navigation Timing see it: when the
// bundle had run (DOMContentLoaded waits for module scripts), when the wasm was asked
// for and when its last byte was in, when users/me was in, and the mark; each counted
// from the navigation's start.
async function timedReload(page) {
  await page.reload();
  await editable(page);
  return page.evaluate((mark) => {
    const resources = performance.getEntriesByType("resource");
    const wasm = resources.find((e) => new URL(e.name).pathname.endsWith(".wasm"));
    const me = resources.find((e) => new URL(e.name).pathname.endsWith("/auth/v1/users/me"));
    return {
      bundle: performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd,
      wasmAsked: wasm?.startTime,
      wasmIn: wasm?.responseEnd,
      meIn: me?.responseEnd,
      editable: performance.getEntriesByName(mark, "mark")[0].startTime,
    };
  }, MARK);
}

const sides = [["widget", pageUrl], ["baseline", new URL("baseline/", pageUrl).href]];
const results = {};
const timed = {};
const page = await browser.newPage();
for (const [side, url] of sides) {
  await signInAfresh(page, url);
  for (let i = 0; i < 3; i++) {
    await page.reload();
    await page.waitForSelector(FORM);
  }
  timed[side] = [];
  for (let i = 0; i < RUNS; i++) timed[side].push(await timedReload(page));
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await tracedReload(page, join(scratch, `${side}-${i}.json`)));
  results[side] = runs;
}
await browser.close();
rmSync(scratch, { recursive: true, force: true });

const figure = (side, pick) => median(results[side].map(pick));
const row = (label, pick) => {
  const [a, b] = ["widget", "baseline"].map((side) => figure(side, pick));
  console.log(`${label.padEnd(44)}${a.toFixed(1).padStart(9)}${b.toFixed(1).padStart(12)}${(a - b).toFixed(1).padStart(9)}`);
};
const moment = (label, pick) => {
  const [a, b] = ["widget", "baseline"].map((side) => {
    const values = timed[side].map(pick).filter((v) => v !== undefined);
    return values.length ? median(values).toFixed(1) : "–";
  });
  console.log(`${label.padEnd(44)}${a.padStart(9)}${b.padStart(12)}`);
};
console.log(`untraced signed-in reloads, medians of ${RUNS} per side (ms from the navigation's start)`);
console.log(`${"".padEnd(44)}${"widget".padStart(9)}${"baseline".padStart(12)}`);
moment("DOMContentLoaded (the scripts have run)", (t) => t.bundle);
moment("the wasm asked for", (t) => t.wasmAsked);
moment("the wasm's last byte in", (t) => t.wasmIn);
moment("users/me answered", (t) => t.meIn);
moment("editable mark", (t) => t.editable);
console.log();
console.log(`traced signed-in reloads, medians of ${RUNS} per side (ms)`);
console.log(`${"".padEnd(44)}${"widget".padStart(9)}${"baseline".padStart(12)}${"A − B".padStart(9)}`);
row("navigation start → editable mark", (r) => r.span);
row("main thread busy in that span", (r) => r.busy);
for (const [name] of [...CATEGORIES, [OTHER]]) row(`  ${name}`, (r) => r.split.get(name) || 0);
