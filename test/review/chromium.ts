// Debian's Chromium for the browser tests, driven by playwright-core. When /usr/bin/chromium is
// missing the set-up installs it (as root) with apt-get, and otherwise fails with the command to run:
// the browser tests never skip.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const INSTALL_CHROMIUM = 'apt-get update && apt-get install -y chromium';

export function ensureChromium(): void {
  if (fs.existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) throw new Error(`${CHROMIUM} is missing: the browser tests need Debian's chromium package. Install it with: sudo sh -c '${INSTALL_CHROMIUM}'`);
  process.stderr.write(`copydesk tests: ${CHROMIUM} is missing; running: ${INSTALL_CHROMIUM}\n`);
  const r = spawnSync('sh', ['-c', INSTALL_CHROMIUM], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 20 * 60_000 });
  if (r.status !== 0 || !fs.existsSync(CHROMIUM))
    throw new Error(`installing Chromium failed (${r.error?.message ?? `exit ${r.status}`}); install it with: ${INSTALL_CHROMIUM}`);
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh browser profile each time (playwright passes it as --user-data-dir). */
export async function launchChromium(): Promise<Browser> {
  ensureChromium();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1360, height: 800 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
