import { expect, expectAccessible, readEmails, test, uniqueEmail } from "./fixtures";

const NOTIFICATION_TO = "maya@stillwater.example";

async function fillContactForm(page: import("@playwright/test").Page, values: { name: string; email: string; message: string }) {
  await page.getByLabel("Your name").fill(values.name);
  await page.getByLabel("Email address").fill(values.email);
  await page.getByLabel("Your message").fill(values.message);
  await page.getByLabel(/I agree that the practice may store/).check();
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`contact, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("a visitor sends a message; they get an acknowledgement and the practice a notice with no detail", async ({ page }) => {
      const email = uniqueEmail();
      const secret = `private-detail-${Date.now()}`;
      await page.goto("/contact");
      // axe runs inside the page, so it needs JavaScript.
      if (javaScriptEnabled) await expectAccessible(page);
      await fillContactForm(page, { name: "Robin Vale", email, message: `Hello. ${secret}` });
      await page.getByRole("button", { name: "Send message" }).click();
      await expect(page.getByRole("heading", { name: "Thank you, your message has been sent" })).toBeVisible();

      const [acknowledgement] = await readEmails(email);
      expect(acknowledgement!.subject).toBe("We received your message");
      expect(acknowledgement!.text).toContain("Thank you for writing to");
      expect(acknowledgement!.text).not.toContain("Robin");
      expect(`${acknowledgement!.html}${acknowledgement!.text}`).not.toContain(secret);

      // The practice's address also receives booking notices; this journey checks its own.
      const isContactNotice = (notice: { subject: string }) => notice.subject === "New message on your website";
      await expect.poll(async () => (await readEmails(NOTIFICATION_TO)).filter(isContactNotice).length).toBeGreaterThan(0);
      const notices = (await readEmails(NOTIFICATION_TO)).filter(isContactNotice);
      for (const notice of notices) {
        expect(`${notice.subject}${notice.html}${notice.text}`).not.toContain(secret);
        expect(`${notice.html}${notice.text}`).not.toContain("Robin Vale");
        expect(notice.text).toMatch(/http:\/\/localhost:\d+\/admin\/messages\/[0-9a-f-]{36}/);
      }
    });

    test("a refused message shows each problem beside its field and keeps what was typed", async ({ page }) => {
      const email = uniqueEmail();
      await page.goto("/contact");
      await page.getByLabel("Your name").fill("Robin");
      await page.getByLabel("Email address").fill("robin@");
      await page.getByLabel("Your message").fill("Keep this text, please.");
      await page.getByRole("button", { name: "Send message" }).click();

      const emailField = page.getByLabel("Email address");
      await expect(emailField).toHaveAttribute("aria-invalid", "true");
      await expect(page.locator("#email-error")).toHaveText(/email address like name@example.com/);
      await expect(page.locator("#consent-error")).toHaveText(/Please agree/);
      await expect(page.getByLabel("Your message")).toHaveValue("Keep this text, please.");
      await expect(emailField).toHaveValue("robin@");
      await expect(page.getByRole("heading", { name: /Thank you/ })).toHaveCount(0);
      if (javaScriptEnabled) await expectAccessible(page);

      // Correcting the mistakes sends it.
      await emailField.fill(email);
      await page.getByLabel(/I agree that the practice may store/).check();
      await page.getByRole("button", { name: "Send message" }).click();
      await expect(page.getByRole("heading", { name: "Thank you, your message has been sent" })).toBeVisible();
      await readEmails(email);
    });
  });
}

test.describe("contact, without JavaScript, against the server's own checks", () => {
  test.use({ javaScriptEnabled: false });

  test("a name carrying an email header is refused beside the field", async ({ page }) => {
    await page.goto("/contact");
    // A browser's text input drops line breaks, so the forged value goes in as a post would send it.
    await page.getByLabel("Your name").evaluate((input: HTMLInputElement) => {
      const forged = document.createElement("textarea");
      forged.name = input.name;
      forged.value = "Eve\r\nBcc: victim@example.com";
      input.replaceWith(forged);
    });
    await page.getByLabel("Email address").fill(uniqueEmail());
    await page.getByLabel("Your message").fill("Hello");
    await page.getByLabel(/I agree/).check();
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page.locator("#name-error")).toHaveText("Please keep your name on one line.");
    await expect(page.getByLabel("Your message")).toHaveValue("Hello");
  });
});

test("sending the same form twice stores one message", async ({ page, request }) => {
  const email = uniqueEmail();
  await page.goto("/contact");
  const form = page.locator("form.form");
  const hidden = await form.locator('input[type="hidden"]').evaluateAll((inputs) =>
    inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value] as [string, string]),
  );
  const multipart: Record<string, string> = Object.fromEntries(hidden);
  Object.assign(multipart, { name: "Double Click", email, preferredContact: "email", message: "Sent twice", consent: "yes", website: "" });
  for (let i = 0; i < 2; i += 1) {
    const response = await request.post("/contact", { multipart, headers: { "x-forwarded-for": "2001:db8::77" } });
    expect(response.status()).toBe(200);
  }
  await readEmails(email);
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  expect(await readEmails(email)).toHaveLength(1);
});

test("a 1 MB message is refused with a clear page, not an error", async ({ request }) => {
  const response = await request.post("/contact", {
    multipart: { name: "Big", email: uniqueEmail(), preferredContact: "email", message: "a".repeat(1024 * 1024), consent: "yes" },
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain("That was too long to send");
});

test("the contact form works at 320 px with the keyboard alone", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/contact");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  const email = uniqueEmail();
  await page.getByLabel("Your name").focus();
  await page.keyboard.type("Kim Park");
  await page.keyboard.press("Tab");
  await page.keyboard.type(email);
  await page.keyboard.press("Tab"); // phone
  await page.keyboard.press("Tab"); // preferred contact: email is already chosen
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Your message")).toBeFocused();
  await page.keyboard.type("Typed without a mouse.");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab"); // the privacy notice link in the consent line
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Send message" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Thank you, your message has been sent" })).toBeVisible();
  await readEmails(email);
});

test("on a phone, an empty form sent with JavaScript on moves focus to its first invalid field, not its last", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/contact");
  await page.getByRole("button", { name: "Send message" }).click();

  // Four required fields are empty: name, email, message and the agreement.
  for (const label of ["Your name", "Email address", "Your message", /I agree that the practice may store/]) {
    await expect(page.getByLabel(label)).toHaveAttribute("aria-invalid", "true");
  }
  await expect(page.getByLabel("Your name")).toBeFocused();
  await expect(page.getByLabel("Your name")).toBeInViewport();
});
