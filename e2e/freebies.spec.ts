import { expect, expectAccessible, linkIn, readEmails, test, uniqueEmail } from "./fixtures";
import { pdfText } from "./fixtures/pdf-text";
import { SCREEN_SIZES } from "./fixtures/screen-sizes";

// The demo's videos once linked to this host, which does not exist.
const PLACEHOLDER_HOST = "video.stillwater.example";

for (const { name, viewport } of SCREEN_SIZES) {
  test.describe(`freebies, ${name}`, () => {
    test.use({ viewport });

    test("the sign-up form comes before the cards, and nothing links to a placeholder host", async ({ page }) => {
      await page.goto("/freebies");
      const form = page.getByRole("region", { name: "Subscribe to open the library" });
      const firstCard = page.getByRole("region", { name: "What you get" }).getByRole("listitem").first();
      const formTop = (await form.boundingBox())!.y;
      expect(formTop).toBeLessThan((await firstCard.boundingBox())!.y);
      // The form starts within the first screen or just below it, not thousands of pixels down.
      expect(formTop).toBeLessThan(viewport.height * 1.25);
      // Its own form, not a second one in the footer.
      await expect(page.getByRole("button", { name: "Subscribe" })).toHaveCount(1);
      expect(await page.content()).not.toContain(PLACEHOLDER_HOST);
      await expect(page.getByText("video", { exact: false })).toHaveCount(0);
      await expectAccessible(page);
    });

    for (const javaScriptEnabled of [true, false]) {
      test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
        test.use({ javaScriptEnabled });

        test("sign up from /freebies: the library links nowhere fake and every PDF page says how to reach the practice", async ({ page, baseURL }) => {
          const email = uniqueEmail("freebies");
          await page.goto("/freebies");
          const form = page.getByRole("region", { name: "Subscribe to open the library" });
          await form.getByLabel("Email address").fill(email);
          await form.getByLabel(/Email me the newsletter/).check();
          await form.getByRole("button", { name: "Subscribe" }).click();
          await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

          const [confirmation] = await readEmails(email);
          await page.goto(linkIn(confirmation!, /\/newsletter\/confirm\//));
          await page.getByRole("button", { name: "Confirm" }).click();
          await expect(page.getByRole("heading", { name: "You are subscribed" })).toBeVisible();
          const welcome = (await readEmails(email, { count: 2 })).find((sent) => sent.subject.startsWith("Welcome"))!;
          await page.goto(linkIn(welcome, /\/freebies\/access\//));
          await expect(page.getByRole("heading", { level: 1, name: "Your library" })).toBeVisible();

          expect(await page.content()).not.toContain(PLACEHOLDER_HOST);
          await expect(page.getByRole("link", { name: "Watch the video" })).toHaveCount(0);
          await expect(page.getByRole("heading", { name: "Videos" })).toHaveCount(0);
          if (javaScriptEnabled) await expectAccessible(page);

          const downloads = await page.getByRole("link", { name: "Download the PDF" }).evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
          expect(downloads.length).toBeGreaterThanOrEqual(5);
          for (const href of downloads) {
            const response = await page.request.get(href);
            expect(response.headers()["content-type"]).toContain("application/pdf");
            const pages = await pdfText(new Uint8Array(await response.body()));
            for (const [index, text] of pages.entries()) {
              expect(text, `${href}, page ${index + 1}`).toContain("(503) 555-0142");
              expect(text, `${href}, page ${index + 1}`).toContain("hello@stillwater.example");
              expect(text, `${href}, page ${index + 1}`).toContain(new URL(baseURL!).host);
            }
            expect(pages.at(-1)).toContain("Get in touch");
            expect(pages.at(-1)).toContain("2240 SE Division Street, Suite 3, Portland, OR 97202");
          }
        });
      });
    }
  });
}
