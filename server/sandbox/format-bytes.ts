const UNITS = ['KB', 'MB', 'GB'] as const;

/** A byte count for people: `512 B`, `1.5 KB`, `25.0 MB` (binary units, as LIMITS counts them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes;
  let unit: string = 'B';
  for (const next of UNITS) {
    if (value < 1024) break;
    value /= 1024;
    unit = next;
  }
  return `${value.toFixed(1)} ${unit}`;
}
