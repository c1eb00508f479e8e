import type { Metadata } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = { title: "Development mailbox", robots: { index: false, follow: false } };

export default function DevLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="container">
      {children}
    </main>
  );
}
