"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavLink = { href: string; label: string };

/**
 * A list of links with the page she or the visitor is on marked current. The
 * home link is current only on itself; every other link also on the pages below it.
 */
export function NavLinks({ links, home }: { links: readonly NavLink[]; home: string }) {
  const pathname = usePathname();
  return (
    <ul>
      {links.map((link) => {
        const current = link.href === home ? pathname === home : pathname.startsWith(link.href);
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
