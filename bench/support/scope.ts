/** Owns what a benchmark part started (servers, child processes, browsers, temp folders) and stops it. */
export interface Scope {
  /** Registers a teardown; teardowns run last-registered first. */
  defer(teardown: () => unknown): void;
  /** Runs every teardown once, even when some fail; later calls wait for the first. */
  close(): Promise<void>;
}

/** A fresh, empty {@link Scope}. */
export function createScope(): Scope {
  const teardowns: Array<() => unknown> = [];
  let closing: Promise<void> | undefined;
  async function runAll(): Promise<void> {
    while (teardowns.length > 0) {
      const teardown = teardowns.pop() as () => unknown;
      try {
        await teardown();
      } catch (error) {
        // One stuck resource must not keep the others running.
        console.error(`bench: teardown failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return {
    defer(teardown) {
      teardowns.push(teardown);
    },
    close() {
      closing ??= runAll();
      return closing;
    },
  };
}
