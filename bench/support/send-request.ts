import { request } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** What came back for one request. */
export interface Answer {
  status: number;
  body: string;
  /** From the start of the request to the last byte of the answer. */
  ms: number;
}

/**
 * POSTs `body` (streamed with backpressure) over a connection of its own, as a separate client
 * would, and reads the whole answer.
 */
export function postStream(url: string, headers: Record<string, string | number>, body: Readable): Promise<Answer> {
  const started = performance.now();
  return new Promise<Answer>((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }),
      );
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    pipeline(body, outgoing).catch(reject);
  });
}
