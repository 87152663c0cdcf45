import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The nearest folder at or above `moduleUrl`'s folder that holds a package.json. The server runs
 * from its sources (server/…, under tsx and the tests) and from its build (dist/server/main.js),
 * two depths below the project, so files the project ships beside the code (index.html,
 * dist/widget.js, the sandbox's demo form and stylesheet) are found from here, not relative to
 * the running module.
 */
export function findPackageRoot(moduleUrl: string): string {
  const start = dirname(fileURLToPath(moduleUrl));
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) throw new Error(`No package.json in ${start} or above it.`);
  }
}

/** The project's root folder (where package.json, index.html and dist/ are), from sources and build alike. */
export const PACKAGE_ROOT = findPackageRoot(import.meta.url);
