// One chat room, three transports: a browser caller (this script, in Debian's headless Chromium
// driven by Playwright) with an SSH caller and a telnet caller that MixedTransportChatTest
// (bbs-server) drives.
//
//   node mixed-chat.mjs --url http://127.0.0.1:PORT/ --handle carol --password SECRET --out DIR
//
// The page logs in as an existing user, enters chat, says a line, waits until the other two
// callers' lines show on its screen, then asks /who and waits for the ssh, telnet and web
// transports in it. It prints "step: ..." lines as it goes, and stays in chat until the test
// writes "BYE" on its input (the test looks at `carrier who` meanwhile). Exit code 0 when all went
// well, 1 otherwise, with the reason on stderr and a screenshot in DIR.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { argument, launchChromium, step, testInput } from './harness.mjs';

const WAIT_MS = 20_000;

const url = argument('--url');
const handle = argument('--handle');
const password = argument('--password');
const out = argument('--out', 'target/browser');
if (!url || !handle || !password) {
  console.error('usage: node mixed-chat.mjs --url http://127.0.0.1:PORT/ --handle H --password P [--out DIR]');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

// The test's word that it is done looking: until then the page stays in chat.
const input = testInput();

/** Waits until the terminal's text (scrollback included) passes `check`; fails showing its end. */
async function awaitScreen(page, check, what) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const text = await page.evaluate(() => window.carrier.screenText());
    if (check(text)) return text;
    if (Date.now() > deadline) {
      throw new Error(`${what} never showed; the screen ends:\n` + text.trimEnd().split('\n').slice(-15).join('\n'));
    }
    await page.waitForTimeout(50);
  }
}

const shows = (page, needle) => awaitScreen(page, (text) => text.includes(needle), JSON.stringify(needle));

async function typeLine(page, text) {
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

const browser = await launchChromium();

let page;
let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 1000, height: 640 } });
  page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(url);
  await shows(page, 'login: ');
  await typeLine(page, handle);
  await shows(page, 'password: ');
  await typeLine(page, password);
  await shows(page, 'Main menu: ');
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type('c');
  await shows(page, '*** Welcome to chat.');
  step(`${handle} is in chat`);

  await typeLine(page, 'hello from the browser');
  await shows(page, '<alice> hello from ssh');
  await shows(page, '<bob> hello from telnet');
  step('the browser saw the ssh and the telnet caller\'s lines');

  await typeLine(page, '/who');
  // The who table: one row per person in chat, their transport last but one.
  await awaitScreen(page, (text) => /alice\b.*\bssh\b/.test(text) && /bob\b.*\btelnet\b/.test(text)
    && new RegExp(handle + '\\b.*\\bweb\\b').test(text), 'the /who rows with ssh, telnet and web');
  step(`/who lists alice over ssh, bob over telnet and ${handle} over web`);
  await page.screenshot({ path: join(out, 'mixed-chat.png') });
  step('in chat until the test says BYE');
  await input.nextLine('BYE', 60_000);
  console.log('mixed chat passed');
} catch (e) {
  failed = true;
  console.error('mixed chat failed: ' + (e && e.stack ? e.stack : e));
  if (page) {
    try {
      await page.screenshot({ path: join(out, 'failure-mixed-chat.png') });
    } catch (ignored) { /* the page may be gone */ }
  }
} finally {
  await browser.close();
  input.close();
}
process.exit(failed ? 1 : 0);
