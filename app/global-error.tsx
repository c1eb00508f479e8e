"use client";

/** The last resort when even the layout failed: self-contained, no stack trace. */
export default function GlobalError() {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", lineHeight: 1.6, maxWidth: "36rem", margin: "3rem auto", padding: "0 1rem" }}>
        <main>
          <h1>Sorry, something went wrong on our side</h1>
          <p>This page could not be shown just now. Please try again in a few minutes.</p>
          <p>If you are in crisis or in danger, call or text 988, or call 911.</p>
        </main>
      </body>
    </html>
  );
}
