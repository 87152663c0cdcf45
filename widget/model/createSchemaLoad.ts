import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { FormSchema } from '../../contract/index.ts';
import { loadSchema } from '../api/loadSchema.ts';
import type { Problem } from '../i18n/strings.ts';

/** Whether the schema arrived: until then the form shows what the contract alone describes and cannot send. */
export type LoadState = 'loading' | 'ready' | 'failed';

/** The form schema of one form, loaded from its endpoint (again when the endpoint changes). */
export interface SchemaLoad {
  schema: ReadonlySignal<FormSchema | undefined>;
  state: ReadonlySignal<LoadState>;
  /**
   * Loads from `endpoint`, dropping a load still under way; `arrived` runs in the same batch as the
   * new schema. Resolves with the problem when it failed, undefined otherwise (or when replaced).
   */
  load(endpoint: string, arrived: (schema: FormSchema) => void): Promise<Problem | undefined>;
  abort(): void;
}

/** A schema loader: `GET {endpoint}/api/form`, one load at a time. */
export function createSchemaLoad(): SchemaLoad {
  const schema = signal<FormSchema | undefined>(undefined);
  const state = signal<LoadState>('loading');
  let loader: AbortController | undefined;
  return {
    schema,
    state,
    async load(endpoint, arrived) {
      loader?.abort();
      const controller = (loader = new AbortController());
      state.value = 'loading';
      const result = await loadSchema(endpoint, controller.signal);
      if (controller.signal.aborted) return undefined;
      if (!result.ok) {
        state.value = 'failed';
        return result.error;
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
