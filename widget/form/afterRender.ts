/**
 * Runs `task` once Preact has drawn the state just set. Preact re-renders in one microtask queued
 * when a signal changes; waiting two microtasks lands after it whichever was queued first.
 */
export function afterRender(task: () => void): void {
  queueMicrotask(() => queueMicrotask(task));
}
