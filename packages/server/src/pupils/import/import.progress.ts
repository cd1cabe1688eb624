/**
 * How far each running apply has got, for the progress bar. In memory: it describes work in this
 * process, and is gone once the transaction ends (the stored status then says 'applied').
 */
import { AppError, type ImportPhase, type ImportProgress } from '@tandem/core';
import type { Tracker } from './import.writes';

const running = new Map<string, ImportProgress>();

/** The progress of an apply running in this process, if one is. */
export function progressOf(importId: string): ImportProgress | undefined {
  return running.get(importId);
}

/** Start tracking an apply; refused if the same import is already being applied here. */
export function startProgress(importId: string): { progress: ImportProgress; track: Tracker } {
  if (running.has(importId)) {
    throw new AppError('conflict', 'import already running', {
      userMessage: 'This file is already being imported. Wait for it to finish.',
    });
  }
  const progress: ImportProgress = { phase: 'checking', done: 0, total: 0 };
  running.set(importId, progress);
  const track: Tracker = {
    phase: (phase: ImportPhase) => {
      progress.phase = phase;
    },
    step: (n: number) => {
      progress.done += n;
    },
  };
  return { progress, track };
}

/** The apply has ended, committed or not. */
export function endProgress(importId: string): void {
  running.delete(importId);
}
