/**
 * One CSV cell. A cell a spreadsheet would read as a formula (starting with
 * = + - @, a tab or a carriage return) gets a leading apostrophe, so an
 * address or name a visitor typed can never run as a formula when the
 * therapist opens the export. Every cell is quoted (RFC 4180).
 */
export function csvCell(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined) return '""';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvRow(values: (string | number | Date | null | undefined)[]): string {
  return values.map(csvCell).join(",");
}
