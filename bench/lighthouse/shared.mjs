// What the bench scripts share: the browser they launch, signing in as a person does
// (from a page that shows its "Sign in" button, the widget's or the baseline's, through
// the stand-in's login), the "editable" mark both sides set, and the median.
import puppeteer from "puppeteer-core";

// The prefilled form's first field, in the page or inside the element's shadow root.
export const FORM = "pierce/input[name='firstName']";
// The User Timing mark the widget and the baseline set once their form takes input.
export const MARK = "zitadel-profile-form:editable";

// Headless Chromium (CHROMIUM names it; default /usr/bin/chromium), with nothing of
// its own on the network while it is measured.
export function launch() {
  return puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

// Ends every session at the stand-in `issuer` (started with --test-controls).
export async function endSessions(issuer) {
  await fetch(`${issuer}/_dev/reset`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
}

// Clicks "Sign in", logs in as `user`, and waits until the prefilled form shows.
export async function signIn(page, user, password) {
  await page.locator("pierce/[data-testid='sign-in']").click();
  await page.locator("#loginName").fill(user);
  await page.locator("#password").fill(password);
  await Promise.all([page.waitForNavigation(), page.locator("#submit").click()]);
  await page.waitForSelector(FORM);
}

// Resolves once the page in `page` has set the mark.
export function editable(page) {
  return page.waitForFunction((mark) => performance.getEntriesByName(mark, "mark").length > 0, {}, MARK);
}

// The time of the page's mark, counted from its navigation's start.
export function markTime(page) {
  return page.evaluate((mark) => performance.getEntriesByName(mark, "mark")[0].startTime, MARK);
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
