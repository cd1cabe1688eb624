/** What is wrong with a chosen MIS export before it is sent, shared by the pupil and attendance imports. */
import { IMPORT_MAX_BYTES, IMPORT_TOO_LARGE_MESSAGE } from '@tandem/core';

export function csvFileProblem(file: File | null, emptyMessage: string): string | null {
  if (file === null) return 'Choose the CSV file to upload';
  if (file.size === 0) return emptyMessage;
  if (file.size > IMPORT_MAX_BYTES) return IMPORT_TOO_LARGE_MESSAGE;
  if (!/\.(csv|txt)$/i.test(file.name) && !/csv/i.test(file.type)) {
    return 'The file must be a CSV file. In your MIS, choose to export as CSV.';
  }
  return null;
}

/** What is wrong with a chosen common transfer file (CTF) before it is sent. */
export function xmlFileProblem(file: File | null): string | null {
  if (file === null) return 'Choose the CTF file to upload';
  if (file.size === 0) return 'The file is empty. Export the CTF from your MIS again and upload it.';
  if (file.size > IMPORT_MAX_BYTES) return IMPORT_TOO_LARGE_MESSAGE;
  if (!/\.xml$/i.test(file.name) && !/xml/i.test(file.type)) {
    return 'The file must be the .xml file your MIS exports as a common transfer file (CTF).';
  }
  return null;
}
