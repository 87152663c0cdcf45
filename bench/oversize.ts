/**
 * Refusing oversize: a 200 MB upload sent without Content-Length (chunked), as a client that
 * does not know or tell its size would. How many bytes the relay read before answering, and how
 * long it took. The buffering peer gets the same upload for comparison.
 * Run alone: npx tsx bench/oversize.ts
 */
import { readFile } from 'node:fs/promises';
import { LIMITS, SUBMISSION_FIELDS } from '../contract/index.ts';
import { relayTicketFields } from './support/bench-account.ts';
import type { ChildServer } from './support/child-process.ts';
import { formatBytes, formatMs, formatRatio } from './support/format.ts';
import { streamedFormBody } from './support/multipart.ts';
import { isEntryPoint, runAlone, type Part } from './support/part.ts';
import { warmUpRelay } from './support/post-ticket.ts';
import { readBytesRead } from './support/proc-stats.ts';
import { createScope, type Scope } from './support/scope.ts';
import { sendUntilAnswered, type UnboundedUpload } from './support/send-until-answered.ts';
import { startFakeProcess } from './support/start-fake.ts';
import { startBufferingRelay, startRelay } from './support/start-relay.ts';

const UPLOAD_BYTES = 200 * 1024 * 1024;
const READ_TARGET_BYTES = LIMITS.requestMaxBytes + 64 * 1024;
// After the answer, time for the server to finish with the request before its reads are counted.
const SETTLE_MS = 300;

interface Refusal extends UnboundedUpload {
  /** What the server process took off its sockets (rchar) over the whole exchange. */
  bytesRead: number;
}

/** The oversize part. */
export const oversize: Part = {
  title: 'Refusing an oversize chunked upload',
  command: 'npx tsx bench/oversize.ts',
  async measure(scope) {
    const fake = await startFakeProcess(scope);
    const ours = await refuse(scope, (relayScope) => startRelay(relayScope, { apiUrl: fake.url }));
    const peer = await refuse(scope, (relayScope) => startBufferingRelay(relayScope, fake.url));
    const buffers = await loopbackBuffers();
    return {
      rows: [
        {
          figure: 'oversize 200 MB chunked upload: bytes the relay read before answering',
          ours: formatBytes(ours.bytesRead),
          peer: formatBytes(peer.bytesRead),
          ratio: formatRatio(peer.bytesRead / ours.bytesRead),
          target: `≤ 25 MB + 64 KB (${READ_TARGET_BYTES} B)`,
          met: ours.bytesRead <= READ_TARGET_BYTES && ours.status === 413,
        },
        {
          figure: 'oversize: bytes the client got onto the socket before the answer',
          ours: formatBytes(ours.bytesWritten),
          peer: formatBytes(peer.bytesWritten),
          ratio: formatRatio(peer.bytesWritten / ours.bytesWritten),
          target: '—',
          met: undefined,
        },
        {
          figure: 'oversize: time to the answer',
          ours: `${formatMs(ours.ms)} (${ours.status})`,
          peer: `${formatMs(peer.ms)} (${peer.status})`,
          ratio: formatRatio(peer.ms / ours.ms),
          target: '—',
          met: undefined,
        },
      ],
      notes: [
        `ours: answered ${ours.status} after the client wrote ${ours.bytesWritten} B; the server process read ${ours.bytesRead} B (/proc/<pid>/io rchar, the whole exchange).`,
        `peer (buffering relay): answered ${peer.status || 'nothing'} after the client wrote ${peer.bytesWritten} B${peer.sentEverything ? ' (all of it)' : ''}; it read ${peer.bytesRead} B.`,
        `Bytes written exceed bytes read by what loopback TCP buffers hold (${buffers}); the server never saw those.`,
      ],
    };
  },
};

/** Starts a relay alone, warms it up, sends the unbounded upload, and counts what its process read. */
async function refuse(partScope: Scope, start: (scope: Scope) => Promise<ChildServer>): Promise<Refusal> {
  const relayScope = createScope();
  // Also closed with the part's scope, so Ctrl-C or SIGTERM mid-run stops this relay too.
  partScope.defer(() => relayScope.close());
  try {
    const relay = await start(relayScope);
    await warmUpRelay(relay.url);
    const upload = streamedFormBody(relayTicketFields(), {
      field: SUBMISSION_FIELDS.attachments,
      fileName: 'backup.zip',
      type: 'application/zip',
      size: 0,
    });
    // Only the form fields and the file part's headers: the file bytes are written endlessly after them.
    const head = await readHead(upload.open());
    const before = await readBytesRead(relay.pid);
    const result = await sendUntilAnswered(`${relay.url}/api/tickets`, upload.contentType, head, UPLOAD_BYTES);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    return { ...result, bytesRead: (await readBytesRead(relay.pid)) - before };
  } finally {
    await relayScope.close();
  }
}

async function readHead(stream: NodeJS.ReadableStream): Promise<Buffer> {
  for await (const chunk of stream) return chunk as Buffer;
  throw new Error('empty multipart body');
}

async function loopbackBuffers(): Promise<string> {
  const read = (name: string) => readFile(`/proc/sys/net/ipv4/${name}`, 'utf8').then((text) => text.trim().replace(/\s+/g, ' '), () => 'n/a');
  return `tcp_rmem ${await read('tcp_rmem')}, tcp_wmem ${await read('tcp_wmem')}`;
}

if (isEntryPoint(import.meta.url)) await runAlone(oversize);
