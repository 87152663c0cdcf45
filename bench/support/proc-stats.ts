import { readFile } from 'node:fs/promises';

/** A process's resident memory now and at its peak (Linux /proc/<pid>/status VmRSS and VmHWM), in bytes. */
export interface MemoryStatus {
  rss: number;
  peakRss: number;
}

/** Reads `pid`'s VmRSS and VmHWM (Linux only). */
export async function readMemory(pid: number): Promise<MemoryStatus> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status);
    if (!match) throw new Error(`/proc/${pid}/status has no ${name}`);
    return Number(match[1]) * 1024;
  };
  return { rss: kib('VmRSS'), peakRss: kib('VmHWM') };
}

/**
 * Bytes `pid` has read through read(2)-family calls (/proc/<pid>/io rchar), sockets included:
 * libuv reads TCP streams with read(2), so the difference across a request is what the server
 * took off the socket, excluding what still waits in kernel buffers.
 */
export async function readBytesRead(pid: number): Promise<number> {
  const io = await readFile(`/proc/${pid}/io`, 'utf8');
  const match = /^rchar:\s+(\d+)$/m.exec(io);
  if (!match) throw new Error(`/proc/${pid}/io has no rchar`);
  return Number(match[1]);
}

/** Samples `pid`'s VmRSS every `intervalMs` until stopped; resolves with the highest sample. */
export function sampleRss(pid: number, intervalMs = 20): { stop(): Promise<number> } {
  let highest = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        highest = Math.max(highest, (await readMemory(pid)).rss);
      } catch {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return highest;
    },
  };
}
