import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';

/**
 * The built file at `path`, streamed from disk with `headers`; while it is not there, 503 saying
 * which `file` is missing and that `npm run build` builds `what`.
 */
export async function serveFile(
  path: string,
  headers: Readonly<Record<string, string>>,
  missing: { file: string; what: string },
): Promise<Response> {
  const present = await stat(path).then(
    (stats) => stats.isFile(),
    () => false,
  );
  if (!present) return notBuiltResponse(missing.file, missing.what);
  return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>, { headers });
}

/** 503 while a built file is missing: which `file`, and that `npm run build` builds `what`. */
export function notBuiltResponse(file: string, what: string): Response {
  return new Response(`${file} is missing: run \`npm run build\` to build ${what}.\n`, {
    status: 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': '10' },
  });
}
