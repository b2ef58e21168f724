// The Lighthouse user flow scripts/bench runs against the release page: a cold visit
// signed out, the sign-in, and a reload signed in, each with Lighthouse's defaults
// (mobile, simulated slow 4G). Prints each step's scores and paint figures, writes
// the JSON and the HTML report, and exits 1 when a check fails.
//
//   node flow.mjs PAGE_URL USER PASSWORD OUT_DIR
// CHROMIUM names the browser (default /usr/bin/chromium).
import { writeFileSync } from "node:fs";
import { startFlow } from "lighthouse";
import { FORM, launch, signIn } from "./shared.mjs";

const [pageUrl, user, password, out] = process.argv.slice(2);
const COLD_FCP_MAX_MS = 1200;
const CATEGORIES = ["performance", "accessibility", "best-practices"];

const browser = await launch();
const page = await browser.newPage();
const flow = await startFlow(page, {
  name: "zitadel-profile-form",
  config: { extends: "lighthouse:default", settings: { onlyCategories: CATEGORIES } },
});

await flow.navigate(pageUrl, { name: "cold visit, signed out" });
await flow.startTimespan({ name: "sign-in" });
await signIn(page, user, password);
await flow.endTimespan();
await flow.navigate(pageUrl, { name: "reload, signed in", disableStorageReset: true });
const signedIn = await page.$(FORM);
await browser.close();

const result = await flow.createFlowResult();
writeFileSync(`${out}/lighthouse.json`, JSON.stringify(result));
writeFileSync(`${out}/lighthouse.html`, await flow.generateReport());

const failures = [];
const check = (ok, what) => ok || failures.push(what);
check(signedIn !== null, "the reload shows the signed-in form");
const ms = (audit) => (audit?.numericValue === undefined ? "–" : `${Math.round(audit.numericValue)} ms`);
console.log("step                      mode        perf  a11y  best   FCP       LCP       CLS");
for (const [index, step] of result.steps.entries()) {
  const { categories: c, audits: a, gatherMode } = step.lhr;
  const score = (id) => (c[id]?.score == null ? "  – " : String(Math.round(c[id].score * 100)).padStart(4));
  const cls = a["cumulative-layout-shift"]?.numericValue;
  console.log(
    `${step.name.padEnd(26)}${gatherMode.padEnd(12)}${score("performance")}  ${score("accessibility")}  ${score("best-practices")}   ` +
      `${ms(a["first-contentful-paint"]).padEnd(10)}${ms(a["largest-contentful-paint"]).padEnd(10)}${cls ?? "–"}`,
  );
  check(cls === undefined || cls === 0, `${step.name}: CLS ${cls}, not 0`);
  if (gatherMode === "navigation") {
    for (const id of CATEGORIES) {
      check(c[id].score === 1, `${step.name}: ${id} ${Math.round(c[id].score * 100)}, not 100`);
    }
    for (const audit of Object.values(a)) {
      if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === "binary") {
        console.log(`  ${audit.id}: ${audit.title}`);
      }
    }
  }
  if (index === 0) {
    const fcp = a["first-contentful-paint"].numericValue;
    check(fcp <= COLD_FCP_MAX_MS, `${step.name}: first contentful paint ${Math.round(fcp)} ms, over ${COLD_FCP_MAX_MS} ms`);
  }
}
for (const failure of failures) console.log(`FAILED: ${failure}`);
console.log(failures.length ? "lighthouse: a check failed" : "lighthouse: every check passed");
process.exit(failures.length ? 1 : 0);
