/**
 * Runs `task` once the screen shows the state just set: Preact re-renders a component in a
 * microtask, and @preact/signals updates the props and text bound to a signal two microtasks after
 * the write; both were queued before this, so waiting two microtasks lands after them.
 */
export function afterRender(task: () => void): void {
  queueMicrotask(() => queueMicrotask(task));
}
