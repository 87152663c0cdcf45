import autocannon from 'autocannon';
import { median, percentile } from './stats.ts';

/** A fixed request fired over and over: where, and its prebuilt body. */
export interface FixedRequest {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
  /** Builds each request's body instead (e.g. a new customer per ticket); called once per request sent. */
  nextBody?: () => Buffer;
}

/** What a load run measured; latencies in ms, from autocannon's per-response times (sub-ms precise). */
export interface LoadRun {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
}

/**
 * Runs autocannon against `target` for `seconds` with `connections` keep-alive connections. The
 * latencies are collected from each response rather than autocannon's histogram, which records
 * whole milliseconds and would read every loopback answer as 0 or 1 ms.
 */
export function loadTest(target: FixedRequest, connections: number, seconds: number): Promise<LoadRun> {
  return new Promise<LoadRun>((resolve, reject) => {
    const latencies: number[] = [];
    let failed = 0;
    const nextBody = target.nextBody;
    const instance = autocannon(
      {
        url: target.url,
        method: 'POST',
        headers: target.headers,
        body: target.body,
        connections,
        duration: seconds,
        ...(nextBody ? { requests: [{ setupRequest: (request) => ({ ...request, body: nextBody() }) }] } : {}),
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requestsPerSecond: latencies.length / result.duration,
          p50: median(latencies),
          p99: percentile(latencies, 99),
          ok: latencies.length,
          failed: failed + result.errors,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      else failed++;
    });
  });
}
