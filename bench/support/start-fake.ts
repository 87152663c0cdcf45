import { once } from 'node:events';
import { startChildServer, type ChildServer } from './child-process.ts';
import type { FakeCounts, FakeQuery } from './fake-tomticket-process.ts';
import type { Scope } from './scope.ts';

/** The fake TomTicket running as its own process. */
export interface FakeProcess extends ChildServer {
  /** Forgets the recorded calls (tickets stay), then answers the empty counts. */
  clear(): Promise<FakeCounts>;
  /** Calls received since the last clear, by endpoint and status, and tickets stored. */
  counts(): Promise<FakeCounts>;
}

/** Starts bench/support/fake-tomticket-process.ts (rate limit off, the bench account), stopped with `scope`. */
export async function startFakeProcess(scope: Scope): Promise<FakeProcess> {
  const server = await startChildServer(scope, {
    script: 'bench/support/fake-tomticket-process.ts',
    env: {},
    ready: /^fake TomTicket on (http:\/\/\S+)$/,
    ipc: true,
  });
  const ask = async (query: FakeQuery) => {
    server.child.send(query);
    const [answer] = (await once(server.child, 'message')) as [FakeCounts];
    return answer;
  };
  return { ...server, clear: () => ask({ type: 'clear' }), counts: () => ask({ type: 'counts' }) };
}
