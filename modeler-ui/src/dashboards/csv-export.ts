/**
 * A table as a CSV file the browser downloads: UTF-8 with a byte-order mark, so that Excel opens the Chinese
 * headings and names right (without it Excel reads the file in the system's code page), fields quoted where they
 * hold a comma, a quote or a line break, lines ended CRLF as RFC 4180 has them.
 */
export interface CsvColumn<T> {
  title: string;
  value(row: T): string | number | null;
}

const BOM = '\uFEFF';

function field(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((column) => field(column.title))];
  for (const row of rows) lines.push(columns.map((column) => field(column.value(row))));
  return BOM + lines.map((line) => line.join(',')).join('\r\n') + '\r\n';
}

export function downloadCsv<T>(fileName: string, rows: readonly T[], columns: readonly CsvColumn<T>[]): void {
  const url = URL.createObjectURL(new Blob([toCsv(rows, columns)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
