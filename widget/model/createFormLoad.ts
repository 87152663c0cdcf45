import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { FormSchema } from '../../contract/index.ts';
import { loadSchema } from '../api/loadSchema.ts';
import type { Problem } from '../i18n/strings.ts';
import type { SendPart } from '../part/sendPart.ts';

/**
 * Whether the form can send: it needs its schema and the send part. Until both arrived the form
 * shows what the contract alone describes and cannot send; if either fails, it says so and offers
 * to try again.
 */
export type LoadState = 'loading' | 'ready' | 'failed';

/** What one form waits for before it can send: its schema (again when the endpoint changes) and the send part. */
export interface FormLoad {
  schema: ReadonlySignal<FormSchema | undefined>;
  /** The send part (value checks, problem texts, sending) as soon as it arrived. */
  sendPart: ReadonlySignal<SendPart | undefined>;
  state: ReadonlySignal<LoadState>;
  /**
   * Loads the schema from `endpoint`, dropping a load still under way, and the send part while it
   * is missing, side by side; `arrived` runs in the same batch as the new schema. Resolves with the
   * problem when either failed, undefined otherwise (or when replaced).
   */
  load(endpoint: string, arrived: (schema: FormSchema) => void): Promise<Problem | undefined>;
  abort(): void;
}

/** A form's loader: `GET {endpoint}/api/form` one load at a time, and the send part from `loadSendPart`. */
export function createFormLoad(loadSendPart: () => Promise<SendPart>): FormLoad {
  const schema = signal<FormSchema | undefined>(undefined);
  const sendPart = signal<SendPart | undefined>(undefined);
  const state = signal<LoadState>('loading');
  let loader: AbortController | undefined;
  const loadPart = async (): Promise<Problem | undefined> => {
    if (sendPart.peek()) return undefined;
    try {
      // Set as soon as it is there: the checks and problem texts need no schema.
      sendPart.value = await loadSendPart();
    } catch (error) {
      return { code: 'network', message: String(error) };
    }
  };
  return {
    schema,
    sendPart,
    state,
    async load(endpoint, arrived) {
      loader?.abort();
      const controller = (loader = new AbortController());
      state.value = 'loading';
      const [result, partProblem] = await Promise.all([loadSchema(endpoint, controller.signal), loadPart()]);
      if (controller.signal.aborted) return undefined;
      if (!result.ok || partProblem) {
        state.value = 'failed';
        return result.ok ? partProblem : result.error;
      }
      batch(() => {
        schema.value = result.schema;
        arrived(result.schema);
        state.value = 'ready';
      });
      return undefined;
    },
    abort: () => loader?.abort(),
  };
}
