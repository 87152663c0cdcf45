import { effect, type ReadonlySignal } from '@preact/signals';
import type { Draft } from './createDraft.ts';

/** A running autosave: `clear()` forgets the draft (and a save still pending), `stop()` saves what is pending and stops. */
export interface DraftAutosave {
  clear(): void;
  stop(): void;
}

/**
 * Saves `values` to `draft` once they have not changed for `delayMs`, so typing does not write
 * storage on every keystroke.
 */
export function autosaveDraft(draft: Draft, values: ReadonlySignal<Readonly<Record<string, string>>>, delayMs: number): DraftAutosave {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    draft.save(values.peek());
  };
  // The first run only reads: what was just loaded needs no saving.
  let first = true;
  const stopWatching = effect(() => {
    void values.value;
    if (first) return void (first = false);
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  return {
    clear() {
      clearTimeout(timer);
      timer = undefined;
      draft.clear();
    },
    stop() {
      stopWatching();
      if (timer) {
        clearTimeout(timer);
        save();
      }
    },
  };
}
