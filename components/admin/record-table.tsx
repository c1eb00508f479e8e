import type { ReactNode } from "react";

type RecordTableProps = {
  /** Read out by screen readers; the page's heading already says it to the eye. */
  caption: string;
  /** Column headings; an empty one is the actions column, named only for screen readers. */
  columns: readonly string[];
  className?: string;
  /** The rows: one <tr> a record. */
  children: ReactNode;
};

/** The private area's tables: scrollable on a narrow screen, every column headed for assistive tech. */
export function RecordTable({ caption, columns, className, children }: RecordTableProps) {
  return (
    <div className="table-wrap">
      <table className={className}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={column || `actions-${index}`} scope="col">
                {column || <span className="visually-hidden">Actions</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
