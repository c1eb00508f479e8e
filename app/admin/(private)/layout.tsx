import Link from "next/link";
import type { ReactNode } from "react";
import { AdminNavLinks } from "@/components/admin/admin-nav-links";
import { requireTherapist } from "@/lib/auth/guards";
import { practice } from "@/lib/practice/practice";
import { signOutAction } from "./actions";

/**
 * The private area's frame. The guard here only spares a signed-out visitor
 * an empty frame; every page's data comes through lib/ functions that check
 * again, since a layout does not re-render on every navigation.
 */
export default async function PrivateLayout({ children }: { children: ReactNode }) {
  const therapist = await requireTherapist();
  return (
    <>
      <header className="admin-header">
        <div className="container">
          <Link href="/admin" className="site-name">
            {practice.name} <span className="admin-label">private area</span>
          </Link>
          <nav aria-label="Private area" className="site-nav">
            <AdminNavLinks />
          </nav>
          <form action={signOutAction} className="admin-signout">
            <span className="admin-who">{therapist.email}</span>
            <button type="submit" className="button button-secondary">
              Sign out
            </button>
          </form>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container admin-main">
        {children}
      </main>
      <footer className="admin-footer">
        <p className="container">
          A client in crisis? The <Link href="/#crisis-help">crisis lines</Link> are on every public page.
        </p>
      </footer>
    </>
  );
}
