import ExcelJS from 'exceljs';
import { AppError, badRequest } from '../../../platform/http/errors';
import { IMPORT_MAX_BYTES } from '../../../../common/customers';
import type { Lang } from '../../../platform/http/lang';
import { headerText, type ImportColumn, sheetTexts } from './columns';
import type { UploadRow } from './upload-rows';
import { readInWorker } from './upload-reader';
import { zipUnpackedSize } from './zip-size';

/** Reading and writing the .xlsx files of import and export (exceljs, in memory). */

export const IMPORT_MAX_ROWS = 20_000;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const tooLarge = () => new AppError(413, 'IMPORT_FILE_TOO_LARGE', { limitMb: IMPORT_MAX_BYTES / 1024 / 1024 });
export const notXlsx = () => badRequest('IMPORT_NOT_XLSX');
const tooComplex = () => badRequest('IMPORT_TOO_COMPLEX', { limitMb: IMPORT_MAX_UNPACKED_BYTES / 1024 / 1024 });

/**
 * The most an upload may unpack to. A full 20,000-row, 25-column sheet unpacks to about 22 MB; a
 * zip bomb (a 200 kB file holding a 200 MB cell) is refused before anything parses it.
 */
export const IMPORT_MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

/**
 * The first sheet's data rows, by the template's headers in either language (a star, spaces or case
 * are ignored); a missing required column is named in the request's language.
 */
export async function readUpload(buffer: Buffer, columns: ImportColumn[], lang: Lang): Promise<UploadRow[]> {
  // An .xlsx is a zip: refuse anything else before handing it to the parser.
  if (buffer.length < 4 || buffer.readUInt32BE(0) !== 0x504b0304) throw notXlsx();
  const unpacked = zipUnpackedSize(buffer);
  if (unpacked === undefined) throw notXlsx();
  if (unpacked > IMPORT_MAX_UNPACKED_BYTES) throw tooComplex();
  const result = await readInWorker(buffer, columns, { maxRows: IMPORT_MAX_ROWS, maxUnpackedBytes: IMPORT_MAX_UNPACKED_BYTES });
  if (result.ok) return result.rows;
  switch (result.reason) {
    case 'not-xlsx':
      throw notXlsx();
    case 'too-many-rows':
      throw badRequest('IMPORT_TOO_MANY_ROWS', { limit: IMPORT_MAX_ROWS });
    case 'template-mismatch': {
      const missing = columns.find((c) => c.key === result.column);
      throw badRequest('IMPORT_TEMPLATE_MISMATCH', { header: missing ? missing.header[lang] : result.column });
    }
    case 'too-complex':
      throw tooComplex();
    case 'busy':
      throw new AppError(503, 'IMPORT_BUSY');
  }
}

/** A header's width in Excel's units: a Chinese character takes two, a Latin letter about one. */
const headerWidth = (text: string) => Math.max(10, [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0) + 4);

/** A sheet with a bold, frozen header row. */
function addSheet(workbook: ExcelJS.Workbook, name: string, headers: { header: string; width?: number }[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((h) => ({ header: h.header, width: h.width ?? headerWidth(h.header) }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

const columnLetter = (index: number) => {
  let n = index;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/**
 * The import template in the request's language: the headers on the first sheet (required ones
 * starred), the choices of each list column on a second sheet 可选值 (Options), and a drop-down
 * (data validation) on each list column.
 */
export async function buildTemplate(columns: ImportColumn[], choices: Map<string, string[]>, sheetName: string, lang: Lang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = addSheet(workbook, sheetName, columns.map((c) => ({ header: headerText(c, lang), width: c.width })));
  const listed = columns.filter((c) => choices.has(c.key));
  const choicesSheet = sheetTexts.choicesSheet[lang];
  const lists = addSheet(workbook, choicesSheet, listed.map((c) => ({ header: c.header[lang], width: 16 })));
  listed.forEach((c, i) => {
    const values = choices.get(c.key) ?? [];
    values.forEach((v, r) => {
      lists.getCell(r + 2, i + 1).value = v;
    });
    if (!values.length) return;
    const letter = columnLetter(i + 1);
    const target = columnLetter(columns.indexOf(c) + 1);
    // One rule for the whole column range (exceljs supports ranges here, its typings do not say so).
    (sheet as unknown as { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(`${target}2:${target}${IMPORT_MAX_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${choicesSheet}'!$${letter}$2:$${letter}$${values.length + 1}`],
      showErrorMessage: true,
      errorStyle: 'warning',
      error: sheetTexts.pickFromList[lang],
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The error report: the failed rows as uploaded, plus 错误原因 (Error) and 原行号 (Row), so users
 * fix them and upload the file again.
 */
export async function buildErrorReport(
  columns: ImportColumn[],
  failed: { row: number; cells: Record<string, string>; reason: string }[],
  lang: Lang,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = addSheet(workbook, sheetTexts.failedSheet[lang], [
    ...columns.map((c) => ({ header: headerText(c, lang), width: c.width })),
    { header: sheetTexts.errorColumn[lang], width: 50 },
    { header: sheetTexts.rowColumn[lang], width: 8 },
  ]);
  for (const f of failed) sheet.addRow([...columns.map((c) => f.cells[c.key] ?? ''), f.reason, f.row]);
  sheet.getColumn(columns.length + 1).font = { color: { argb: 'FFCF1322' } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A sheet of plain rows (the export), built in memory. */
export async function buildSheet(name: string, headers: string[], rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = addSheet(workbook, name, headers.map((h) => ({ header: h })));
  sheet.addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
