/** Milliseconds with a precision that suits their size: `0.42 ms`, `12.3 ms`, `1 234 ms`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

/** Bytes as bytes below 10 KiB, else KiB/MiB with one decimal (1 KiB = 1024 bytes, as LIMITS counts). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'n/a';
  if (bytes < 10 * 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** "How many times better ours is" as `3.20×`, `14×` or `0.0025×`; n/a when either side is missing. */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio) || ratio <= 0) return 'n/a';
  // Two significant digits below 0.1, so a peer 400 times better reads 0.0025×, not 0.00×.
  const text = ratio >= 10 ? ratio.toFixed(0) : ratio >= 0.1 ? ratio.toFixed(2) : ratio.toPrecision(2);
  return `${text}×`;
}

/** A count with thin grouping, e.g. `12 345`. */
export function formatCount(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US').replaceAll(',', ' ') : 'n/a';
}
