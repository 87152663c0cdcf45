import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { LengthUnit } from '../../contract/index.ts';
import { writeFileDurably } from '../outbox/durable-fs.ts';
import type { ApiName } from '../tomticket/types.ts';

/** What `npm run doctor -- --send-test` learned about how the account counts TomTicket's limits. */
export interface LearnedLengthUnit {
  lengthUnit: LengthUnit;
  /** ISO time of the test ticket that showed it. */
  learnedAt: string;
  /** The account it was learned for (see accountFingerprint). */
  account: string;
  /** The API the test ticket went through: the two may count differently, so each learns its own. */
  api: ApiName;
}

/** Where it is kept: `DATA_DIR/account/length-unit.json`, API 2.0's at `length-unit-v2.json`. */
export function learnedLengthUnitPath(dataDir: string, api: ApiName = 'legacy'): string {
  return join(dataDir, 'account', api === 'v2' ? 'length-unit-v2.json' : 'length-unit.json');
}

/** The unit learned for `account` through `api`, or undefined when none was (or for another account or API, or unreadable). */
export async function readLearnedLengthUnit(dataDir: string, account: string, api: ApiName = 'legacy'): Promise<LengthUnit | undefined> {
  try {
    const saved = JSON.parse(await readFile(learnedLengthUnitPath(dataDir, api), 'utf8')) as Partial<LearnedLengthUnit>;
    // Learned before API 2.0 existed here: through the legacy API.
    if (saved.account !== account || (saved.api ?? 'legacy') !== api) return undefined;
    return saved.lengthUnit === 'chars' || saved.lengthUnit === 'bytes' ? saved.lengthUnit : undefined;
  } catch {
    return undefined;
  }
}

/** Saves what was learned, whole or not at all, for the server to use from its next form refresh. */
export async function saveLearnedLengthUnit(dataDir: string, learned: LearnedLengthUnit): Promise<void> {
  const path = learnedLengthUnitPath(dataDir, learned.api);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileDurably(path, `${JSON.stringify(learned, null, 2)}\n`);
}
