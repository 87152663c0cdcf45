// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { batch, computed, effect, signal, untracked } from './signals.ts';

describe('signal', () => {
  it('reads and writes through .value, and peek() reads without tracking', () => {
    const count = signal(1);
    count.value = 2;
    expect(count.value).toBe(2);
    const seen: number[] = [];
    const dispose = effect(() => {
      seen.push(count.peek());
    });
    count.value = 3;
    expect(seen).toEqual([2]);
    dispose();
  });

  it('does not tell its readers about a write of the same value', () => {
    const list = [1];
    const items = signal(list);
    const run = vi.fn(() => void items.value);
    effect(run);
    items.value = list;
    expect(run).toHaveBeenCalledTimes(1);
    items.value = [1];
    expect(run).toHaveBeenCalledTimes(2);
  });
});

describe('computed', () => {
  it('computes when first read and caches until a dependency changes', () => {
    const a = signal(2);
    const other = signal('x');
    const double = vi.fn(() => a.value * 2);
    const doubled = computed(double);
    expect(double).not.toHaveBeenCalled();
    expect(doubled.value).toBe(4);
    expect(doubled.peek()).toBe(4);
    other.value = 'y';
    expect(doubled.value).toBe(4);
    expect(double).toHaveBeenCalledTimes(1);
    a.value = 5;
    expect(doubled.value).toBe(10);
    expect(double).toHaveBeenCalledTimes(2);
  });

  it('follows only what its last run read', () => {
    const useA = signal(true);
    const a = signal('a');
    const b = signal('b');
    const pick = vi.fn(() => (useA.value ? a.value : b.value));
    const picked = computed(pick);
    const seen: string[] = [];
    effect(() => void seen.push(picked.value));
    b.value = 'b2';
    useA.value = false;
    a.value = 'a2';
    b.value = 'b3';
    expect(seen).toEqual(['a', 'b2', 'b3']);
  });

  it('computes a diamond once per change and never shows a mix of old and new values', () => {
    const first = signal('Ana');
    const upper = computed(() => first.value.toUpperCase());
    const lower = computed(() => first.value.toLowerCase());
    const join = vi.fn(() => `${upper.value}/${lower.value}`);
    const both = computed(join);
    const seen: string[] = [];
    effect(() => void seen.push(`${first.value}:${both.value}`));
    first.value = 'Bia';
    expect(seen).toEqual(['Ana:ANA/ana', 'Bia:BIA/bia']);
    expect(join).toHaveBeenCalledTimes(2);
  });

  it('throws what its function throws, and computes again on the next read', () => {
    const ready = signal(false);
    const value = computed(() => {
      if (!ready.value) throw new Error('not yet');
      return 'ok';
    });
    expect(() => value.value).toThrow('not yet');
    ready.value = true;
    expect(value.value).toBe('ok');
  });

  it('lets go of its dependencies once the last effect reading it is disposed', () => {
    const a = signal(1);
    const compute = vi.fn(() => a.value + 1);
    const next = computed(compute);
    const dispose = effect(() => void next.value);
    dispose();
    a.value = 2;
    a.value = 3;
    expect(compute).toHaveBeenCalledTimes(1);
    expect(next.value).toBe(4);
  });
});

describe('effect', () => {
  it('runs at once, after each change of what it read, and not after dispose', () => {
    const a = signal(1);
    const seen: number[] = [];
    const dispose = effect(() => void seen.push(a.value));
    a.value = 2;
    dispose();
    a.value = 3;
    expect(seen).toEqual([1, 2]);
  });

  it('runs the cleanup its function returned before the next run and on dispose', () => {
    const a = signal(1);
    const log: string[] = [];
    const dispose = effect(() => {
      const value = a.value;
      log.push(`run ${value}`);
      return () => log.push(`cleanup ${value}`);
    });
    a.value = 2;
    dispose();
    expect(log).toEqual(['run 1', 'cleanup 1', 'run 2', 'cleanup 2']);
  });

  it('does not track what it reads inside untracked()', () => {
    const a = signal(1);
    const b = signal(1);
    const run = vi.fn(() => void (a.value + untracked(() => b.value)));
    effect(run);
    b.value = 2;
    expect(run).toHaveBeenCalledTimes(1);
    a.value = 2;
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("runs other effects after its own run when it writes, with the written values", () => {
    const source = signal(1);
    const copy = signal(0);
    const log: string[] = [];
    effect(() => {
      copy.value = source.value * 10;
      log.push(`copied ${copy.peek()}`);
    });
    effect(() => void log.push(`saw ${copy.value}`));
    source.value = 2;
    expect(log).toEqual(['copied 10', 'saw 10', 'copied 20', 'saw 20']);
  });
});

describe('batch', () => {
  it('runs effects once, after the outermost batch, with the final values, and returns what fn returned', () => {
    const a = signal(1);
    const b = signal(1);
    const sum = computed(() => a.value + b.value);
    const seen: number[] = [];
    effect(() => void seen.push(sum.value));
    const result = batch(() => {
      a.value = 2;
      batch(() => (b.value = 3));
      expect(seen).toEqual([2]);
      // A read inside the batch already sees the new values.
      expect(sum.value).toBe(5);
      return 'done';
    });
    expect(result).toBe('done');
    expect(seen).toEqual([2, 5]);
  });

  it('still runs the queued effects when fn throws', () => {
    const a = signal(1);
    const seen: number[] = [];
    effect(() => void seen.push(a.value));
    expect(() =>
      batch(() => {
        a.value = 2;
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(seen).toEqual([1, 2]);
  });
});
