import Link from "next/link";
import { practice } from "@/lib/practice/practice";
import { NavLinks } from "./nav-links";

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="crisis-banner">
        <p className="container">
          In crisis or in danger right now? <a href="#crisis-help">Get help now</a>; this site cannot respond to
          emergencies.
        </p>
      </div>
      <div className="container">
        <Link href="/" className="site-name">
          {practice.name}
        </Link>
        <nav aria-label="Main" className="site-nav">
          <NavLinks />
        </nav>
      </div>
    </header>
  );
}
