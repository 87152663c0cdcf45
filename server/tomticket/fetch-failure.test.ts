import { createServer, type AddressInfo } from 'node:net';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { classifyFetchFailure } from './fetch-failure.ts';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('classifyFetchFailure', () => {
  it('calls a refused connection not sent', async () => {
    const error = await request(`http://127.0.0.1:${await closedPort()}/`).catch((caught: unknown) => caught);
    expect(classifyFetchFailure(error)).toEqual({ kind: 'not_sent', reason: 'ECONNREFUSED' });
  });

  it('calls a timeout a timeout', async () => {
    const server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const error = await request(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(50) }).catch((caught: unknown) => caught);
    server.close();
    expect(classifyFetchFailure(error)).toEqual({ kind: 'timeout' });
  });

  it('calls a reset after sending failed, not safe to repeat', async () => {
    const server = createServer((socket) => socket.on('data', () => socket.destroy()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const error = await request(`http://127.0.0.1:${port}/`, { method: 'POST', body: 'x' }).catch((caught: unknown) => caught);
    server.close();
    expect(classifyFetchFailure(error).kind).toBe('failed');
  });

  it('finds DNS failures inside a cause chain and an AggregateError', () => {
    const dns = new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' }) });
    expect(classifyFetchFailure(dns)).toEqual({ kind: 'not_sent', reason: 'ENOTFOUND' });
    const eyeballs = new TypeError('fetch failed', {
      cause: new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })]),
    });
    expect(classifyFetchFailure(eyeballs)).toEqual({ kind: 'not_sent', reason: 'ECONNREFUSED' });
  });
});
