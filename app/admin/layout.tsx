import type { Metadata } from "next";
import type { ReactNode } from "react";
import { practice } from "@/lib/practice/practice";

export const metadata: Metadata = {
  title: { default: "Private area", template: `%s · Private area · ${practice.name}` },
  robots: { index: false, follow: false, nocache: true },
};

/** The private area and its sign-in pages: no site navigation, never indexed. */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      {children}
    </>
  );
}
