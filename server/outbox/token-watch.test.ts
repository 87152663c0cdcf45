import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../log/create-logger.ts';
import type { TokenCheck } from '../tomticket/types.ts';
import { createTokenWatch } from './token-watch.ts';

afterEach(() => vi.useRealTimers());

function watchWith(answers: TokenCheck[]) {
  const delays: number[] = [];
  let accepted = 0;
  const checkToken = vi.fn(async () => answers.shift() ?? { kind: 'accepted' as const });
  const watch = createTokenWatch({
    client: { checkToken },
    logger: createLogger({ secrets: [], write: () => undefined }),
    delayMs: (probes) => {
      delays.push(probes);
      return probes * 100;
    },
    onAccepted: () => void accepted++,
  });
  return { watch, checkToken, delays, accepted: () => accepted };
}

describe('createTokenWatch', () => {
  it('asks one probe at a time, backing off, until the token is accepted', async () => {
    vi.useFakeTimers();
    const { watch, checkToken, delays, accepted } = watchWith([
      { kind: 'refused', detail: '401' },
      { kind: 'unknown', detail: 'down' },
    ]);
    watch.watch();
    watch.watch();
    await vi.advanceTimersByTimeAsync(100 + 200 + 300);
    expect(checkToken).toHaveBeenCalledTimes(3);
    expect(delays).toEqual([1, 2, 3]);
    expect(accepted()).toBe(1);
  });

  it('starts again from the shortest pause after a delivery reset it, and asks nothing once stopped', async () => {
    vi.useFakeTimers();
    const { watch, checkToken, delays } = watchWith([{ kind: 'refused', detail: '401' }]);
    watch.watch();
    await vi.advanceTimersByTimeAsync(300);
    watch.reset();
    watch.watch();
    expect(delays).toEqual([1, 2, 1]);
    watch.stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(checkToken).toHaveBeenCalledTimes(2);
  });
});
