import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { practice } from "@/lib/practice/practice";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(process.env.APP_URL ?? "http://localhost:3000"),
  title: { default: practice.name, template: `%s · ${practice.name}` },
  description: practice.tagline,
  applicationName: practice.name,
  // Visitors may arrive in distress; nothing here needs search engines to
  // follow the private area, which also sends noindex of its own.
  robots: { index: true, follow: true },
};

export const viewport: Viewport = {
  themeColor: "#f7f2eb",
  width: "device-width",
  initialScale: 1,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" data-scroll-behavior="smooth">
      <body>{children}</body>
    </html>
  );
}
