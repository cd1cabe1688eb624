/** Requests of the questionnaire pages, and the schemas of their answers. */
import { completeQuestionnaireResponse, okResponse, type CompleteQuestionnaireResponse } from '@tandem/core';
import { z } from 'zod';
import { apiPost, apiPut, enc } from '../api/client';
import { questionnaireApi } from './questionnairesApi';

export const createdResponse = z.object({ id: z.string() });
export const measureCreatedResponse = z.object({ key: z.string() });
export const measureChangedResponse = z.object({ key: z.string(), version: z.number() });
export const handBackResponse = z.object({ ok: z.literal(true), schoolId: z.string(), questionnaireId: z.string() });

/**
 * How answers reach the server. Each is saved the moment it is given, so a closed tab loses
 * nothing. The pupil portal passes its own.
 */
export interface AnswerSaver {
  saveAnswer: (itemId: string, value: number) => Promise<void>;
  saveGoal: (itemId: string, text: string) => Promise<void>;
  complete: () => Promise<CompleteQuestionnaireResponse>;
}

export function staffSaver(schoolId: string, questionnaireId: string): AnswerSaver {
  const base = questionnaireApi(schoolId, questionnaireId);
  return {
    saveAnswer: async (itemId, value) => {
      await apiPut(`${base}/answers/${enc(itemId)}`, { value }, okResponse);
    },
    saveGoal: async (itemId, text) => {
      await apiPut(`${base}/goals/${enc(itemId)}`, { text }, okResponse);
    },
    complete: () => apiPost(`${base}/complete`, {}, completeQuestionnaireResponse),
  };
}
