import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { cookies } from "next/headers";
import { AddressForm } from "@/components/forms/address-form";
import { FreebieList } from "@/components/newsletter/freebie-list";
import { printedFreebies, videoFreebies } from "@/lib/freebies/catalogue";
import { libraryReader } from "@/lib/newsletter/library";
import { libraryCookie } from "@/lib/newsletter/library-cookie";
import { unsubscribePageUrl, unsubscribeToken } from "@/lib/newsletter/links";
import { requestLibraryLinkAction } from "./actions";

export const metadata: Metadata = { title: "The library", robots: { index: false } };

export default async function LibraryPage() {
  const reader = await libraryReader((await cookies()).get(libraryCookie().name)?.value);
  if (!reader) {
    return (
      <div className="container">
        <div className="prose">
          <h1>The library is for subscribers</h1>
          <p>
            If you subscribe to the newsletter, open the library with the button in your welcome email. On a new device, or
            once that link has expired, ask for a new one here.
          </p>
        </div>
        <section className="section" aria-labelledby="new-link-heading">
          <h2 id="new-link-heading">Email me a new link</h2>
          <AddressForm
            action={requestLibraryLinkAction}
            formKey={randomUUID()}
            label="Your subscribed email address"
            submitLabel="Email me a new link"
            accepted={
              <div className="notice notice-success" role="status">
                <h2>Check your inbox</h2>
                <p>If that address is subscribed, a new link to the library is on its way. It works for 7 days.</p>
                <p>If nothing arrives within a few minutes, please look in your spam folder, or subscribe again below.</p>
              </div>
            }
          />
        </section>
        <p className="section prose">
          Not subscribed yet? <Link href="/freebies">See what the library holds and subscribe</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="container">
      <div className="prose">
        <h1>Your library</h1>
        <p>Everything here is yours to download, print and come back to. Take what helps and leave the rest.</p>
      </div>
      <section className="section" aria-labelledby="printables-heading">
        <h2 id="printables-heading">Journal prompts and worksheets</h2>
        <FreebieList freebies={printedFreebies} open />
      </section>
      {videoFreebies.length > 0 ? (
        <section className="section" aria-labelledby="videos-heading">
          <h2 id="videos-heading">Videos</h2>
          <FreebieList freebies={videoFreebies} open />
        </section>
      ) : null}
      <p className="section prose">
        Want to stop the newsletter? <a href={unsubscribePageUrl(unsubscribeToken(reader.subscriberId))}>Unsubscribe</a>; the
        library closes at the same time.
      </p>
    </div>
  );
}
