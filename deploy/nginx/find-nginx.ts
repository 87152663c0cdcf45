import { existsSync } from 'node:fs';

/** Where Debian's package puts nginx. */
export const DEBIAN_NGINX = '/usr/sbin/nginx';

/** The nginx to test with: the NGINX_PATH override, else Debian's package. Undefined when there is none. */
export function findNginx(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const override = env.NGINX_PATH?.trim();
  if (override) return existsSync(override) ? override : undefined;
  return existsSync(DEBIAN_NGINX) ? DEBIAN_NGINX : undefined;
}

/** What to do when {@link findNginx} finds none and nothing can be installed. */
export const NGINX_MISSING = [
  'The reverse-proxy test (deploy/nginx/nginx.test.ts) needs nginx and none was found.',
  'Install one of these, then run npm test again:',
  '  - Debian/Ubuntu: sudo apt-get install nginx   (it needs no service running: the test starts its own)',
  '  - or point NGINX_PATH at an nginx binary',
].join('\n');
