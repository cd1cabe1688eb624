import type { z } from 'zod';
import type { ApiError } from '../api/client';
import { useFormErrors, type FieldError } from './formErrors';
import { useAction } from './useAction';

/**
 * A small form that sends once and is then closed by its page (such as adding an action to a
 * concern): its error state (see useFormErrors), and whether it is sending (see useAction).
 *
 * `check` takes the schema's answer and any further problems found by hand: with none, it gives
 * the data to send; otherwise it shows them and gives null. A hand check for a field replaces the
 * schema's message for that field (see useFormErrors), so a date's own words are the ones shown.
 *
 * `send` runs the request with the form busy. On success the form stays busy, as the page takes
 * it away. On a refusal, `onRefused` runs first (to close a confirmation, say), then the refusal is
 * shown in the error summary, reworded by `refused` if given, and the form can be sent again.
 */
export function useWorkForm(fieldOrder: readonly string[], refused?: (error: ApiError) => ApiError) {
  const form = useFormErrors(fieldOrder);
  const action = useAction();

  const check = <T>(result: z.ZodSafeParseResult<T>, extra: FieldError[] = []): T | null => {
    if (!result.success || extra.length > 0) {
      form.fromIssues(result.success ? [] : result.error.issues, extra);
      return null;
    }
    return result.data;
  };

  const send = async (request: () => Promise<void>, onRefused?: () => void) => {
    await action.run(request, {
      stayBusy: true,
      onRefused: (error) => {
        onRefused?.();
        form.fromApi(refused === undefined ? error : refused(error));
      },
    });
  };

  return { ...form, busy: action.busy, check, send };
}
