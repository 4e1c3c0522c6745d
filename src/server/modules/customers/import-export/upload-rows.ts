import ExcelJS from 'exceljs';
import { headerKey, type ImportColumn } from './columns';
import { zipInflatesWithin } from './zip-size';

/**
 * Reading an upload's rows (exceljs, in memory). Runs in a worker thread (upload-rows.worker.mjs), so
 * it answers in data, not AppErrors, and imports nothing of the server.
 */

/** One data row of an upload: its sheet row number and its cells as text, by column key. */
export interface UploadRow {
  row: number;
  cells: Record<string, string>;
}

export type UploadRowsResult =
  | { ok: true; rows: UploadRow[] }
  | { ok: false; reason: 'not-xlsx' | 'too-many-rows' | 'too-complex' | 'busy' }
  | { ok: false; reason: 'template-mismatch'; column: string };

/**
 * The longest cell kept. Longer text is cut to this, one past the longest field (备注, 2,000), so
 * a cut cell still fails its field's length rule and the preview names it.
 */
export const CELL_MAX_CHARS = 2001;
/**
 * The most text one upload may hold, all cells together: a few shared strings repeated in every
 * cell would otherwise unpack a small file into gigabytes. A full 20,000-row sheet holds ~15 M.
 */
export const UPLOAD_MAX_CHARS = 40_000_000;

const pad = (n: number) => String(n).padStart(2, '0');

// 1992/7/8, 1992.7.8, 1992-7-8, 1992年7月8日: the ways people type a day into a cell.
const WRITTEN_DAY = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** A typed day in the form the import reads (YYYY-MM-DD); anything else as typed, for the row's error. */
function writtenDay(text: string): string {
  const m = WRITTEN_DAY.exec(text);
  return m ? `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : text;
}

/**
 * A day Excel keeps as a serial number (a date cell formatted as General): days since 1899-12-30.
 * Only from 1910 on (3654): a smaller number such as 1992 is more likely a year than a day in 1905.
 */
function excelSerialDay(serial: number): string | undefined {
  if (!Number.isInteger(serial) || serial < 3654 || serial > 2958465) return undefined;
  const day = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
}

/** A cell's value as the text a user typed: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
export function cellText(value: ExcelJS.CellValue, asDate = false): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel dates carry no zone; exceljs reads them as UTC midnight.
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    return asDate || (value.getUTCHours() === 0 && value.getUTCMinutes() === 0) ? day : `${day} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
  }
  if (typeof value === 'number') return asDate ? (excelSerialDay(value) ?? String(value)) : Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'string') return asDate ? writtenDay(value.trim()) : value.trim();
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null, asDate);
    if ('text' in value) return cellText((value as { text: ExcelJS.CellValue }).text, asDate);
    if ('error' in value) return '';
  }
  return String(value as unknown).trim();
}

/**
 * The first sheet's data rows, by the template's headers in either language (a star, spaces or
 * case are ignored). A missing required column is named by its key.
 */
export async function readUploadRows(buffer: Buffer, columns: ImportColumn[], limits: { maxRows: number; maxUnpackedBytes: number }): Promise<UploadRowsResult> {
  if (!zipInflatesWithin(buffer, limits.maxUnpackedBytes)) return { ok: false, reason: 'too-complex' };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { ok: false, reason: 'not-xlsx' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, reason: 'not-xlsx' };
  if (sheet.rowCount > limits.maxRows + 1) return { ok: false, reason: 'too-many-rows' };
  const byHeader = new Map(columns.flatMap((c) => Object.values(c.header).map((h) => [headerKey(h), c] as const)));
  const positions: { index: number; column: ImportColumn }[] = [];
  sheet.getRow(1).eachCell((cell, index) => {
    const column = byHeader.get(headerKey(cellText(cell.value)));
    if (column && !positions.some((p) => p.column === column)) positions.push({ index, column });
  });
  for (const column of columns.filter((c) => c.required)) {
    if (!positions.some((p) => p.column === column)) return { ok: false, reason: 'template-mismatch', column: column.key };
  }
  const rows: UploadRow[] = [];
  let chars = 0;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1 || chars > UPLOAD_MAX_CHARS) return;
    const cells: Record<string, string> = {};
    let any = false;
    for (const { index, column } of positions) {
      const text = cellText(row.getCell(index).value, column.date);
      if (text) {
        // Cut, not refused: the field's own length rule then names the row and field in the preview.
        cells[column.key] = text.length > CELL_MAX_CHARS ? text.slice(0, CELL_MAX_CHARS) : text;
        chars += cells[column.key].length;
        any = true;
      }
    }
    if (any) rows.push({ row: number, cells });
  });
  if (chars > UPLOAD_MAX_CHARS) return { ok: false, reason: 'too-complex' };
  return { ok: true, rows };
}
