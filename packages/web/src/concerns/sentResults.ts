/**
 * The answer to logging a concern, handed from the form to the confirmation page at its own address
 * (for this page load only). A reload of the confirmation asks the server again; only the files'
 * outcome, which only this browser knew, is then left out.
 */
import type { LogResult } from './logConcernValues';

export interface SentResult {
  response: LogResult;
  attached: number;
  failures: { name: string; message: string }[];
}

const sent = new Map<string, SentResult>();

export function rememberSent(concernId: string, result: SentResult): void {
  sent.set(concernId, result);
}

export function sentResultOf(concernId: string): SentResult | undefined {
  return sent.get(concernId);
}
