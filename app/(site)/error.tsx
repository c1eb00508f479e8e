"use client";

import Link from "next/link";

/**
 * Shown when a page fails on our side, most often because the database is
 * unreachable. No stack trace, no detail: a plain apology and a way forward.
 */
export default function SiteError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="container prose">
      <h1>Sorry, something went wrong on our side</h1>
      <p>This page could not be shown just now. Nothing you did caused it. Please try again in a few minutes.</p>
      <div className="actions">
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>
        <Link href="/" className="button button-secondary">
          Go to the home page
        </Link>
      </div>
      <p className="section">If you need help right now, the crisis lines at the bottom of this page are open at all hours.</p>
    </div>
  );
}
