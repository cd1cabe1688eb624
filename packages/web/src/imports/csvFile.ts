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
