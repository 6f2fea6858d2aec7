// What the browser scripts share: their arguments, their progress lines, the lines the Java test
// that started them sends on their input, and Debian's Chromium launched the one way they all use.

import { chromium } from 'playwright-core';
import { createInterface } from 'node:readline';

/** The value after `name` on the command line, or `fallback`. */
export function argument(name, fallback) {
  const at = process.argv.indexOf(name);
  return at >= 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}

/** One line of progress, which the Java test prints as it comes. */
export const step = (text) => console.log('step: ' + text);

/** Lines from the test that started us, one at a time; `nextLine` waits for one of them. */
export function testInput() {
  const input = createInterface({ input: process.stdin });
  const lines = [];
  let waiter = null;
  input.on('line', (line) => {
    lines.push(line.trim());
    if (waiter) waiter();
  });
  return {
    async nextLine(expected, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (!lines.includes(expected)) {
        if (Date.now() > deadline) throw new Error(`never heard ${expected} from the test`);
        await new Promise((resolve) => {
          waiter = resolve;
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => input.close(),
  };
}

/** Headless Chromium (CARRIER_CHROMIUM, else Debian's); Playwright gives each launch a fresh profile. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CARRIER_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-dev-shm-usage', '--no-first-run', '--disable-component-update', '--disable-sync',
      '--disable-quic'],
  });
}
