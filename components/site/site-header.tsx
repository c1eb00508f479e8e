import Link from "next/link";
import { practice } from "@/lib/practice/practice";
import { type NavLink, NavLinks } from "./nav-links";

// Only pages that exist; each capability adds its page here when it ships.
const pages: NavLink[] = [
  { href: "/", label: "Home" },
  { href: "/blog", label: "Blog" },
  { href: "/book", label: "Book" },
  { href: "/what-to-expect", label: "What to expect" },
  { href: "/freebies", label: "Freebies" },
  { href: "/contact", label: "Contact" },
  { href: "/privacy", label: "Privacy" },
];

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
          <NavLinks links={pages} home="/" />
        </nav>
      </div>
    </header>
  );
}
