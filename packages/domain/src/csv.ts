/**
 * CSV as RFC 4180 writes it (comma-separated, CRLF between records, fields quoted where needed),
 * with a UTF-8 byte order mark so that spreadsheets read accented names and dashes right.
 */
export type CsvValue = string | number | boolean | null;

export const CSV_BOM = '\uFEFF';
export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';

// A cell a spreadsheet would run as a formula (or that begins with a control character some treat
// so) gets a leading apostrophe: council text must never run in the reader's spreadsheet.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: the mark, then one line per row, each ended by CRLF. */
export const toCsv = (rows: readonly (readonly CsvValue[])[]): string =>
  CSV_BOM + rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');

/** Reads a CSV file back into rows of text, as a consumer of the downloads would. */
export function parseCsv(input: string): string[][] {
  const text = input.startsWith(CSV_BOM) ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (quoted) {
      field += char;
    } else if (char === ',') {
      endField();
    } else if (char === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i += 1;
    } else {
      field += char;
    }
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}
