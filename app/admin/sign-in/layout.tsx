import Link from "next/link";
import type { ReactNode } from "react";
import { practice } from "@/lib/practice/practice";

export default function SignInLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="admin-header">
        <div className="container">
          <Link href="/" className="site-name">
            {practice.name}
          </Link>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container admin-narrow">
        {children}
      </main>
    </>
  );
}
