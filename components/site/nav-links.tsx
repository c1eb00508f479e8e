"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

// Only pages that exist; each capability adds its page here when it ships.
const links = [
  { href: "/", label: "Home" },
  { href: "/blog", label: "Blog" },
  { href: "/book", label: "Book" },
  { href: "/what-to-expect", label: "What to expect" },
  { href: "/freebies", label: "Freebies" },
  { href: "/contact", label: "Contact" },
  { href: "/privacy", label: "Privacy" },
] as const;

export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul>
      {links.map((link) => {
        const current = link.href === "/" ? pathname === "/" : pathname.startsWith(link.href);
        return (
          <li key={link.href}>
            <Link href={link.href} aria-current={current ? "page" : undefined}>
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
