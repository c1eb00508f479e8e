import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { PASSKEY_THERAPISTS } from "./fixtures/e2e-env";
import { pageFromAnotherAddress, requestSignInLink, signInByEmail } from "./fixtures/therapist";

/** A platform passkey in this page's Chromium, as a phone or laptop would offer. */
async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
}

/** Signs in by link (no passkey yet), adds one under Security and returns the recovery codes shown. */
async function registerPasskey(page: Page, therapist: string) {
  await addVirtualAuthenticator(page);
  await signInByEmail(page, therapist);
  await page.getByRole("link", { name: "Security" }).click();
  await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
  await expect(page.getByText("No passkey yet")).toBeVisible();
  await page.getByLabel(/A name for this passkey/).fill("Laptop");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByRole("heading", { name: "Your recovery codes" })).toBeVisible();
  const codes = await page.locator(".recovery-codes li").allInnerTexts();
  expect(codes).toHaveLength(10);
  await expect(page.getByText(/^Laptop/)).toBeVisible();
  return codes;
}

/** The emailed link in a browser of its own: signed in halfway, to the passkey page. */
async function openLink(page: Page, therapist: string) {
  await page.goto(await requestSignInLink(page, therapist));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in\/passkey$/);
  await expect(page.getByRole("heading", { name: "Use your passkey" })).toBeVisible();
}

test("a passkey is registered, its recovery codes are shown once, and after the emailed link the private area waits for it", async ({ page }) => {
  test.setTimeout(60_000);
  const [therapist] = PASSKEY_THERAPISTS;
  const codes = await registerPasskey(page, therapist);
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your recovery codes" })).toHaveCount(0);
  for (const code of codes) await expect(page.locator("body")).not.toContainText(code);
  await expect(page.getByText("10 unused recovery codes")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "You have signed out" })).toBeVisible();
  await openLink(page, therapist);
  await expectAccessible(page);

  // Half signed in: no private page opens.
  for (const path of ["/admin", "/admin/messages", "/admin/security"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/admin\/sign-in\/passkey$/);
  }

  await page.getByRole("button", { name: "Use my passkey" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("link", { name: "Audit log" }).click();
  // The log is the practice's, shared with the other passkey journey: her rows are those with her address.
  const hers = page.getByRole("row").filter({ hasText: therapist });
  await expect(hers.filter({ has: page.getByRole("cell", { name: "Signed in with a passkey" }) })).toHaveCount(1);
  await expect(hers.filter({ has: page.getByRole("cell", { name: "Added a passkey" }) })).toHaveCount(1);

  await page.getByRole("link", { name: "Security" }).click();
  await page.getByRole("button", { name: "Make new recovery codes" }).click();
  await expect(page.getByRole("heading", { name: "Your recovery codes" })).toBeVisible();
  const fresh = await page.locator(".recovery-codes li").allInnerTexts();
  expect(fresh).toHaveLength(10);
  expect(fresh.filter((code) => codes.includes(code))).toEqual([]);
});

test("a lost passkey: a recovery code signs in, once, with JavaScript off or on, and the lost passkey can be removed", async ({ page, browser }) => {
  // Three browsers and four sign-ins by email.
  test.setTimeout(90_000);
  const therapist = PASSKEY_THERAPISTS[1];
  const codes = await registerPasskey(page, therapist);

  const withoutScript = await pageFromAnotherAddress(browser, { javaScriptEnabled: false });
  await openLink(withoutScript, therapist);
  await expect(withoutScript.getByText("A passkey needs JavaScript, which is off in this browser.")).toBeVisible();
  await expect(withoutScript.getByRole("button", { name: "Use my passkey" })).toHaveCount(0);
  await withoutScript.getByLabel("Recovery code").fill("zzzzz-zzzzz");
  await withoutScript.getByRole("button", { name: "Sign in with this code" }).click();
  await expect(withoutScript.getByText("That is not one of your unused recovery codes.")).toBeVisible();
  // Without JavaScript the answer page opens at the refusal's anchor.
  await expect(withoutScript).toHaveURL(/\/admin\/sign-in\/passkey(#recovery-problem)?$/);
  await withoutScript.getByLabel("Recovery code").fill(codes[0]!);
  await withoutScript.getByRole("button", { name: "Sign in with this code" }).click();
  // The browser keeps the form's answer anchor across the redirect.
  await expect(withoutScript).toHaveURL(/\/admin\/security(#recovery-problem)?$/);
  await expect(withoutScript.getByText("9 unused recovery codes")).toBeVisible();
  await expect(withoutScript.getByText("Adding a passkey needs JavaScript, which is off in this browser.")).toBeVisible();

  const withScript = await pageFromAnotherAddress(browser);
  await openLink(withScript, therapist);
  await withScript.getByLabel("Recovery code").fill(codes[0]!);
  await withScript.getByRole("button", { name: "Sign in with this code" }).click();
  await expect(withScript.locator("#recovery-code-error")).toContainText("Each code works once.");
  await withScript.getByLabel("Recovery code").fill(codes[1]!);
  await withScript.getByRole("button", { name: "Sign in with this code" }).click();
  await expect(withScript).toHaveURL(/\/admin\/security$/);
  await withScript.context().close();

  // The lost passkey goes, from the browser without JavaScript; then the link alone signs in again.
  await withoutScript.getByRole("button", { name: "Remove the passkey Laptop" }).click();
  await expect(withoutScript.getByText("No passkey yet")).toBeVisible();
  await withoutScript.getByRole("button", { name: "Sign out" }).click();
  await signInByEmail(withoutScript, therapist);
  await expect(withoutScript).toHaveURL(/\/admin$/);
  await withoutScript.context().close();
});
