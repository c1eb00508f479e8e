import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

type RecordTableProps = {
  /** Read out by screen readers; the page's heading already says it to the eye. */
  caption: string;
  /** Column headings; an empty one is the actions column, named only for screen readers. */
  columns: readonly string[];
  className?: string;
  /** The rows: one <tr> a record. */
  children: ReactNode;
};

type CellProps = { children?: ReactNode; "data-label"?: string };

/**
 * Each cell carries its column's name, so on a phone, where the rows become
 * cards and the header row is hidden, every value still says what it is
 * (the CSS writes it before the value).
 */
function labelled(row: ReactNode, columns: readonly string[]): ReactNode {
  if (!isValidElement<CellProps>(row)) return row;
  let index = 0;
  const cells = Children.map(row.props.children, (cell) => {
    if (!isValidElement<CellProps>(cell)) return cell;
    const label = columns[index++] ?? "";
    return cloneElement(cell as ReactElement<CellProps>, { "data-label": label });
  });
  return cloneElement(row, undefined, cells);
}

/** The private area's tables: a table from a tablet's width, a card a record on a phone; every column headed for assistive tech. */
export function RecordTable({ caption, columns, className, children }: RecordTableProps) {
  return (
    <div className="table-wrap record-table">
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
        <tbody>{Children.map(children, (row) => labelled(row, columns))}</tbody>
      </table>
    </div>
  );
}
