"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { type NavLink, NavLinks } from "@/components/site/nav-links";

const rooms: NavLink[] = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/requests", label: "Requests" },
  { href: "/admin/availability", label: "Availability" },
  { href: "/admin/waitlist", label: "Waitlist" },
  { href: "/admin/messages", label: "Messages" },
  { href: "/admin/newsletter", label: "Newsletter" },
  { href: "/admin/subscribers", label: "Subscribers" },
  { href: "/admin/outbox", label: "Outbox" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/privacy", label: "Privacy" },
  { href: "/admin/security", label: "Security" },
];

/**
 * The rooms behind one "Menu" disclosure, so at 320 px the menu is one line
 * until opened (a native <details>: it works without JavaScript). Wide
 * screens show the list open and hide the summary (globals.css).
 */
export function AdminNavLinks() {
  const pathname = usePathname();
  const menu = useRef<HTMLDetailsElement>(null);
  // A client-side navigation keeps the page, so an opened menu would stay open over the next room.
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);
  return (
    <details className="admin-menu" ref={menu}>
      <summary>Menu</summary>
      <NavLinks links={rooms} home="/admin" />
    </details>
  );
}
