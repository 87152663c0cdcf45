/**
 * The few reactive primitives the widget uses (signal, computed, effect, batch, untracked), with
 * the `.value` / `.peek()` surface of @preact/signals-core, at a fraction of its bytes.
 * A write marks what depends on it stale and queues the effects; computeds recompute lazily when
 * read, so an effect never sees a half-updated graph; effects run once the outermost batch ends.
 */

/** A value that can be read and tracked, but not written, by whoever holds it. */
export interface ReadonlySignal<T> {
  /** The value; reading it inside a computed or an effect makes it a dependency. */
  readonly value: T;
  /** The value, without making it a dependency. */
  peek(): T;
}

/** A value that can be read, tracked and written. */
export interface Signal<T> extends ReadonlySignal<T> {
  value: T;
}

// Anything read through `.value`: told when it changes.
interface Source {
  subscribers: Set<Observer>;
}

// A computed or an effect: what it read on its last run, and how it hears of a change.
interface Observer {
  sources: Set<Source>;
  notify(): void;
  release?(): void;
}

// The reactive context is a call stack, not state a form owns: `running` is the computed or effect
// whose function is on the stack right now (undefined between calls), `depth` counts open batches,
// and `queue` holds the effects to run when the outermost one ends (empty between calls).
let running: Observer | undefined;
let depth = 0;
const queue = new Set<{ run(): void }>();

/** Runs `fn` as `observer` and swaps its sources for the ones this run read. */
function track<T>(observer: Observer | undefined, fn: () => T): T {
  const previous = running;
  const old = observer?.sources;
  if (observer) observer.sources = new Set();
  running = observer;
  try {
    return fn();
  } finally {
    running = previous;
    old?.forEach((source) => observer!.sources.has(source) || unsubscribe(source, observer!));
  }
}

function unsubscribe(source: Source, observer: Observer) {
  source.subscribers.delete(observer);
  // A computed nobody reads any more lets go of its own sources, so it does not outlive its form.
  if (!source.subscribers.size) (source as Partial<Observer>).release?.();
}

function read(source: Source) {
  if (running) {
    running.sources.add(source);
    source.subscribers.add(running);
  }
}

function notifyAll(source: Source) {
  source.subscribers.forEach((observer) => observer.notify());
}

/** Runs `fn` and the effects its writes queue only once it (and any batch around it) returns. */
export function batch<T>(fn: () => T): T {
  depth++;
  try {
    return fn();
  } finally {
    if (!--depth) {
      // Writes made by the effects below queue more effects; Set iteration visits those too.
      depth++;
      try {
        for (const effect of queue) {
          queue.delete(effect);
          effect.run();
        }
      } finally {
        depth--;
      }
    }
  }
}

/** Runs `fn` without making what it reads a dependency of the running computed or effect. */
export function untracked<T>(fn: () => T): T {
  return track(undefined, fn);
}

/** A value that tells its readers when it is set to a different one (`!==`). */
export function signal<T>(initial: T): Signal<T> {
  let current = initial;
  const node: Source & Signal<T> = {
    subscribers: new Set(),
    get value() {
      read(node);
      return current;
    },
    set value(next) {
      if (next !== current) {
        current = next;
        batch(() => notifyAll(node));
      }
    },
    peek: () => current,
  };
  return node;
}

/** A value derived from others: computed when first read, and again only after one of them changed. */
export function computed<T>(fn: () => T): ReadonlySignal<T> {
  let current: T;
  let stale = true;
  const refresh = () => {
    if (stale) {
      current = track(node, fn);
      stale = false;
    }
    return current;
  };
  const node: Source & Observer & ReadonlySignal<T> = {
    subscribers: new Set(),
    sources: new Set(),
    notify() {
      if (!stale) {
        stale = true;
        notifyAll(node);
      }
    },
    release() {
      node.sources.forEach((source) => unsubscribe(source, node));
      node.sources.clear();
      stale = true;
    },
    get value() {
      refresh();
      read(node);
      return current;
    },
    peek: refresh,
  };
  return node;
}

/**
 * Runs `fn` now and again after anything it read changed; `fn` may return a cleanup, run before
 * the next run and on dispose. Returns dispose.
 */
export function effect(fn: () => void | (() => void)): () => void {
  let cleanup: void | (() => void);
  let disposed = false;
  const node: Observer & { run(): void } = {
    sources: new Set(),
    notify: () => queue.add(node),
    run() {
      if (disposed) return;
      if (typeof cleanup == 'function') untracked(cleanup);
      // Writes made by `fn` run their effects after it, never in the middle of it.
      cleanup = batch(() => track(node, fn));
    },
  };
  node.run();
  return () => {
    disposed = true;
    queue.delete(node);
    if (typeof cleanup == 'function') untracked(cleanup);
    node.sources.forEach((source) => unsubscribe(source, node));
    node.sources.clear();
  };
}
