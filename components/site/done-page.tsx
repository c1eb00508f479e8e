import type { ReactNode } from "react";

/**
 * Where a visitor lands once a step is done: the news first, announced as a
 * status, then what they can do next.
 */
export function DonePage({ title, news, children }: { title: string; news: ReactNode; children: ReactNode }) {
  return (
    <div className="container prose">
      <div className="notice notice-success" role="status">
        <h1>{title}</h1>
        {news}
      </div>
      {children}
    </div>
  );
}
