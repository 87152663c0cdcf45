import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../server/config/package-root.ts';

// What a site owner copies from the README's production section must be what the tests run.
const FILES = ['deploy/nginx/tomticket-form.conf', 'deploy/caddy/Caddyfile', 'deploy/systemd/tomticket-form.service'];

describe('the README\'s production section', () => {
  it.each(FILES)('shows %s verbatim', async (file) => {
    const readme = await readFile(join(PACKAGE_ROOT, 'README.md'), 'utf8');
    const content = await readFile(join(PACKAGE_ROOT, file), 'utf8');
    expect(readme).toContain(`\n${content.trimEnd()}\n\`\`\``);
  });
});
