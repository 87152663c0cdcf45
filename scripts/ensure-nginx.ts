/**
 * Makes sure the reverse-proxy test has an nginx: finds one, or installs Debian's package when
 * running as root (without starting its system service: the test runs its own nginx, unprivileged,
 * on loopback ports), or stops with what to do.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { findNginx, NGINX_MISSING } from '../deploy/nginx/find-nginx.ts';

// Debian's maintainer scripts ask this file whether they may start services; 101 means no.
const POLICY_RC = '/usr/sbin/policy-rc.d';

function install(): void {
  console.log('No nginx found: installing Debian\'s nginx package (apt-get), without starting its service…');
  const quiet = { stdio: 'inherit' as const, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  // Installing would otherwise start nginx on port 80 for good, on a machine that only runs tests.
  const ownPolicy = !existsSync(POLICY_RC);
  if (ownPolicy) writeFileSync(POLICY_RC, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    execFileSync('apt-get', ['update'], quiet);
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'nginx'], quiet);
  } finally {
    if (ownPolicy) rmSync(POLICY_RC, { force: true });
  }
}

const found = findNginx();
if (found) {
  console.log(`reverse proxy: ${found}`);
} else if (process.env.NGINX_PATH) {
  console.error(`NGINX_PATH is set to ${process.env.NGINX_PATH}, but there is no file there.`);
  process.exit(1);
} else if (process.getuid?.() === 0) {
  install();
  const installed = findNginx();
  if (!installed) {
    console.error('apt-get finished but /usr/sbin/nginx is still missing.');
    process.exit(1);
  }
  console.log(`reverse proxy: ${installed}`);
} else {
  console.error(NGINX_MISSING);
  process.exit(1);
}
