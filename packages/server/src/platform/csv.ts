/**
 * Turning an uploaded file into a table of cells. MIS exports arrive in several shapes: UTF-8 with
 * or without a byte-order mark, Windows-1252 from older Excel, UTF-16 from "Unicode text", comma
 * or semicolon or tab separated, with Windows line endings. A spreadsheet saved in its own format is
 * refused with a message saying how to save it as CSV. Shared by the pupil and attendance imports.
 */
import { parse, CsvError } from 'csv-parse/sync';
import { AppError } from '@tandem/core';

function refuse(message: string, userMessage: string): AppError {
  return new AppError('bad_request', message, { userMessage });
}

const EMPTY = 'The file is empty. Export the list from your MIS as a CSV file and upload it again.';
const SAVE_AS_CSV = 'In Excel, choose File, Save As, and "CSV UTF-8 (Comma delimited)", then upload that file.';

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Windows-1252 differs from Latin-1 only in 0x80..0x9F (curly quotes, dashes, €). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

// Node's TextDecoder treats "windows-1252" as Latin-1, so the difference is mapped here.
function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** The file's text. Refuses files that are not text: workbooks, PDFs, images. */
export function decodeCsvFile(bytes: Uint8Array): string {
  if (bytes.length === 0) throw refuse('empty file', EMPTY);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw refuse('spreadsheet upload', `This is an Excel workbook, not a CSV file. ${SAVE_AS_CSV}`);
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    throw refuse('pdf upload', 'This is a PDF, not a CSV file. Export the list from your MIS as CSV and upload that.');
  }
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) {
    text = new TextDecoder('utf-16le').decode(bytes);
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    text = new TextDecoder('utf-16be').decode(bytes);
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Not UTF-8: older Excel and some MIS exports write Windows-1252 ("Zoë", "O’Brien").
      text = decodeWindows1252(bytes);
    }
  }
  if (text.includes('\u0000')) {
    throw refuse('binary upload', `This file is not a CSV file Tandem can read. ${SAVE_AS_CSV}`);
  }
  // TextDecoder drops a leading byte-order mark; this catches one left by a double encoding.
  return text.replace(/^\uFEFF/, '');
}

/** The separator used in the header line: Excel in some locales writes semicolons, "Unicode text" tabs. */
function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  const count = (c: string) => firstLine.split(c).length - 1;
  const candidates = [',', ';', '\t'].map((c) => ({ c, n: count(c) }));
  const best = candidates.reduce((a, b) => (b.n > a.n ? b : a));
  return best.n > 0 ? best.c : ',';
}

/** The rows of cells, header first. Blank lines are kept, so each row's index + 1 is its line. */
export function readCsvTable(text: string): string[][] {
  if (text.trim() === '') throw refuse('empty file', EMPTY);
  try {
    return parse(text, {
      bom: true,
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines;
      throw refuse(
        `csv parse error ${err.code}`,
        err.code === 'CSV_QUOTE_NOT_CLOSED'
          ? `A quoted value in the file is never closed (a " is missing), so the file cannot be read${line ? ` past line ${line}` : ''}. Export the file from your MIS again.`
          : `The file could not be read as CSV${line ? ` at line ${line}` : ''}. ${SAVE_AS_CSV}`,
      );
    }
    throw err;
  }
}
