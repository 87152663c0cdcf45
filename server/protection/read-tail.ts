import { open } from 'node:fs/promises';

/** The last `length` bytes of the file at `path` (all of it when it is shorter); the file is never read whole. */
export async function readTail(path: string, length: number): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const buffer = new Uint8Array(Math.min(length, size));
    const { bytesRead } = await file.read(buffer, 0, buffer.length, size - buffer.length);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}
