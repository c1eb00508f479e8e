"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const rooms = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/requests", label: "Requests" },
  { href: "/admin/availability", label: "Availability" },
  { href: "/admin/messages", label: "Messages" },
  { href: "/admin/newsletter", label: "Newsletter" },
  { href: "/admin/subscribers", label: "Subscribers" },
  { href: "/admin/outbox", label: "Outbox" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/privacy", label: "Privacy" },
  { href: "/admin/security", label: "Security" },
] as const;

export function AdminNavLinks() {
  const pathname = usePathname();
  return (
    <ul>
      {rooms.map((room) => {
        const current = room.href === "/admin" ? pathname === "/admin" : pathname.startsWith(room.href);
        return (
          <li key={room.href}>
            <Link href={room.href} aria-current={current ? "page" : undefined}>
              {room.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
