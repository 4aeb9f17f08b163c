import { BadRequestException, HttpCode, UseInterceptors, applyDecorators } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ImportProblem } from '@muster/contracts';
import { trimText } from './validation.js';

/**
 * Spreadsheet import and export shared by the directory and the resources: CSV (UTF-8, with or
 * without BOM) and XLSX (first worksheet). Every cell is read as text; the domain's DTOs then
 * validate each row exactly as they validate the API, so a file and a form obey the same rules.
 */
export type TableFormat = 'csv' | 'xlsx';

export interface UploadedTable {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
}

export interface TableRow {
  /** The spreadsheet's row number (the header is row 1). */
  row: number;
  values: Record<string, string>;
}

/** Upload size limit, enforced by multer before anything is parsed. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** More rows than this is a mistake (a whole other sheet), not a directory. */
export const MAX_IMPORT_ROWS = 5000;

export const CONTENT_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function formatOf(file: UploadedTable): TableFormat {
  const name = file.originalname.toLowerCase();
  if (name.endsWith('.xlsx') || file.mimetype === CONTENT_TYPES.xlsx) return 'xlsx';
  if (name.endsWith('.csv') || file.mimetype.startsWith('text/csv')) return 'csv';
  throw new BadRequestException(['file: must be a .csv or .xlsx file']);
}

/**
 * Reads the header and data rows. Headers must all be known (`columns`) and include every
 * `required` one; blank rows are skipped.
 */
export async function readTable(
  file: UploadedTable | undefined,
  columns: readonly string[],
  required: readonly string[],
): Promise<TableRow[]> {
  if (!file || !file.buffer?.length) throw new BadRequestException(['file: a non-empty file is required']);
  const grid = formatOf(file) === 'csv' ? readCsv(file.buffer) : await readXlsx(file.buffer);
  if (grid.length === 0) throw new BadRequestException(['file: has no header row']);
  const header = grid[0]!.map((h) => h.trim());
  const problems: string[] = [];
  const unknown = header.filter((h) => h !== '' && !columns.includes(h));
  if (unknown.length) {
    problems.push(`header: unknown column(s) ${unknown.join(', ')}; expected ${columns.join(', ')}`);
  }
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length) problems.push(`header: missing column(s) ${missing.join(', ')}`);
  const dupes = header.filter((h, i) => h !== '' && header.indexOf(h) !== i);
  if (dupes.length) problems.push(`header: column(s) given twice: ${[...new Set(dupes)].join(', ')}`);
  if (problems.length) throw new BadRequestException(problems);

  const rows: TableRow[] = [];
  for (let i = 1; i < grid.length; i++) {
    const cells = grid[i]!;
    if (cells.every((c) => c.trim() === '')) continue;
    const values: Record<string, string> = {};
    header.forEach((h, j) => {
      if (h) values[h] = trimText(restoreNeutralised(cells[j] ?? ''));
    });
    rows.push({ row: i + 1, values });
  }
  if (rows.length === 0) throw new BadRequestException(['file: has no data rows']);
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new BadRequestException([`file: has ${rows.length} rows; at most ${MAX_IMPORT_ROWS} per import`]);
  }
  return rows;
}

function readCsv(buffer: Buffer): string[][] {
  try {
    return parse(buffer, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    throw new BadRequestException([`file: not readable as CSV (${(e as Error).message})`]);
  }
}

async function readXlsx(buffer: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new BadRequestException(['file: not readable as an XLSX workbook']);
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    grid[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(grid, (r) => r ?? []);
}

/** The text a person sees in a cell, whatever Excel stored (number, date, rich text, link, formula). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  // Excel dates carry no time zone; a date-only cell is midnight UTC in exceljs.
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return v.result === undefined ? '' : cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return '';
  }
  return String(v);
}

/** Text a spreadsheet would run as a formula: = + - @ first, or a tab or CR (some strip those first). */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * A CSV cell that no spreadsheet runs as a formula (OWASP, CSV injection): text starting with a
 * formula character gets a single quote in front, which spreadsheets show as text. Numbers stay
 * numbers: a negative quantity or coordinate comes from a number column, never from anyone's
 * text, and a sheet must still be able to add it up. Text that merely looks like a number (a
 * phone number +86…, a note "-5") is text and quoted like any other; the quote also keeps a
 * spreadsheet from reading +8613805612345 as 8.6E+12. Text that already starts with quotes before
 * a formula character gets one more, so that the import can always take exactly one off.
 * XLSX exports need none of this: exceljs writes a string as a text cell, never as a formula.
 */
export function neutraliseFormula(cell: string | number): string | number {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Takes off the quote `neutraliseFormula` put in front: an exported file imports back as it was. */
export function restoreNeutralised(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

export function writeCsv(columns: readonly string[], rows: Record<string, string | number>[]): Buffer {
  const text = stringify(
    rows.map((r) => columns.map((c) => neutraliseFormula(r[c] ?? ''))),
    { header: true, columns: [...columns] },
  );
  // The BOM makes Excel read the file as UTF-8 instead of the system code page (GBK in China).
  return Buffer.concat([Buffer.from('\uFEFF', 'utf8'), Buffer.from(text, 'utf8')]);
}

export interface XlsxSheet {
  name: string;
  columns: readonly string[];
  rows: Record<string, string | number>[];
}

export async function writeXlsx(
  sheetName: string,
  columns: readonly string[],
  rows: Record<string, string | number>[],
): Promise<Buffer> {
  return writeXlsxSheets([{ name: sheetName, columns, rows }]);
}

/** A workbook of several sheets, each laid out as `writeXlsx` lays out its one. */
export async function writeXlsxSheets(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date();
  for (const { name, columns, rows } of sheets) {
    const sheet = wb.addWorksheet(name);
    sheet.columns = columns.map((c) => ({ header: c, key: c, width: Math.max(12, c.length + 2) }));
    // Text format keeps phone numbers, codes and dates exactly as written when the file is edited.
    for (const col of sheet.columns) col.numFmt = '@';
    sheet.getRow(1).font = { bold: true };
    for (const r of rows) sheet.addRow(columns.map((c) => r[c] ?? ''));
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A 400 that lists every problem of every bad row; nothing of the file has been written. */
export function importProblemsException(
  problems: ImportProblem[],
  /** What `row` counts: a sheet's rows, or a GeoJSON file's features. */
  unit: 'row' | 'feature' = 'row',
): BadRequestException {
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  return new BadRequestException(sorted.map((p) => `${unit} ${p.row}: ${p.field}: ${p.problem}`));
}

/** Splits "a; b；c" (ASCII or full-width semicolons, as typed in Chinese spreadsheets). */
export function splitList(v: string | undefined): string[] {
  if (!v) return [];
  return v
    .split(/[;；]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The upload side of a spreadsheet import route: one multipart file, limited before it is parsed,
 * and described in the API documentation.
 */
export function TableImport(): MethodDecorator {
  return applyDecorators(
    HttpCode(200),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        properties: { file: { type: 'string', format: 'binary', description: '.csv (UTF-8) or .xlsx' } },
        required: ['file'],
      },
    }),
    UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } })),
  );
}
