/** Checks shared by the attendance import's use cases. */
import { AppError } from '@tandem/core';

/** A checked file may be applied or discarded only once: a refusal says what happened to it. */
export function refuseUnlessPreviewed(status: string): void {
  if (status === 'applied') {
    throw new AppError('conflict', 'attendance import already applied', {
      userMessage: 'This file has already been imported. Upload it again to bring in newer attendance.',
    });
  }
  if (status !== 'previewed') {
    throw new AppError('conflict', `attendance import ${status}`, {
      userMessage: 'This file was discarded. Upload it again to import it.',
    });
  }
}
