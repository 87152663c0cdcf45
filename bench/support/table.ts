/** One line of the results table. */
export interface Row {
  figure: string;
  ours: string;
  /** The peer's figure (or the baseline's, e.g. "straight to the fake"); '—' when there is none. */
  peer: string;
  /** How many times better ours is; '—' when there is no peer. */
  ratio: string;
  target: string;
  /** Whether the target is met; undefined for figures without a target. */
  met: boolean | undefined;
}

const HEADER: Row = { figure: 'figure', ours: 'ours', peer: 'peer', ratio: 'ratio', target: 'target', met: undefined };

/** The rows as a Markdown table (readable in a terminal too): figure | ours | peer | ratio | target | met? */
export function formatTable(rows: readonly Row[]): string {
  const cells = (row: Row) => [row.figure, row.ours, row.peer, row.ratio, row.target, metCell(row.met)];
  const lines = [HEADER, ...rows].map(cells);
  const header = lines[0] as string[];
  header[5] = 'met?';
  const widths = header.map((_, column) => Math.max(...lines.map((line) => (line[column] as string).length)));
  const render = (line: string[]) => `| ${line.map((cell, i) => cell.padEnd(widths[i] as number)).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [render(header), rule, ...lines.slice(1).map(render)].join('\n');
}

function metCell(met: boolean | undefined): string {
  return met === undefined ? '—' : met ? 'yes' : 'NO';
}
