import { connect } from 'node:net';

/** What came back over a raw connection. */
export interface RawAnswer {
  /** The status of the answer, when one arrived. */
  status?: number;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  body: string;
  /** The server closed the connection (always expected after these requests: they ask for it). */
  closed: boolean;
}

/** Options of {@link sendRawBytes}. */
export interface RawOptions {
  /** After the parts, keep writing `drip` every `everyMs` until the server closes (a body that never ends). */
  drip?: { bytes: Uint8Array | string; everyMs: number };
  /** Give up waiting after this long (default 10 s). */
  maxMs?: number;
}

/**
 * Writes `parts` byte for byte to the server at `url` over a plain TCP connection (for requests
 * fetch cannot make: broken framing, invalid header bytes, endless bodies) and collects whatever
 * answer comes back until the server closes the connection or `maxMs` passes. Bounded in time and
 * bytes, and only ever aimed at the local test server.
 */
export function sendRawBytes(url: string, parts: ReadonlyArray<Uint8Array | string>, options: RawOptions = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const received: Buffer[] = [];
    let closed = false;
    let drip: ReturnType<typeof setInterval> | undefined;
    const deadline = setTimeout(() => finish(), options.maxMs ?? 10_000);
    function finish() {
      clearTimeout(deadline);
      clearInterval(drip);
      socket.destroy();
      resolve(parse(Buffer.concat(received), closed));
    }
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
      finish();
    });
    socket.on('connect', () => {
      for (const part of parts) socket.write(part);
      if (options.drip) {
        const { bytes, everyMs } = options.drip;
        drip = setInterval(() => {
          if (!socket.destroyed) socket.write(bytes);
        }, everyMs);
      }
    });
  });
}

function parse(bytes: Buffer, closed: boolean): RawAnswer {
  const text = bytes.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const head = end === -1 ? text : text.slice(0, end);
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1];
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    ...(status !== undefined ? { status: Number(status) } : {}),
    headers,
    body: end === -1 ? '' : Buffer.from(text.slice(end + 4), 'latin1').toString('utf8'),
    closed,
  };
}
