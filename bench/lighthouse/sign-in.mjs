// What the bench scripts share: signing in as a person does, from a page that shows
// its "Sign in" button (the widget's or the baseline's), through the stand-in's login.

// The prefilled form's first field, in the page or inside the element's shadow root.
export const FORM = "pierce/input[name='firstName']";

// Clicks "Sign in", logs in as `user`, and waits until the prefilled form shows.
export async function signIn(page, user, password) {
  await page.locator("pierce/[data-testid='sign-in']").click();
  await page.locator("#loginName").fill(user);
  await page.locator("#password").fill(password);
  await Promise.all([page.waitForNavigation(), page.locator("#submit").click()]);
  await page.waitForSelector(FORM);
}
