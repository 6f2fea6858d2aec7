// The browser terminal over HTTPS and WSS, with the server's self-signed certificate.
//
//   node browser-https.mjs --url http://127.0.0.1:PORT/ --out DIR
//
// It starts no server: BrowserTerminalTest (bbs-server) does, with --tls-self-signed and
// --redirect-http, and passes the plain http:// address. The page must end up under https://
// (the server's redirect), its terminal WebSocket must be wss://, and two pages must register
// and chat over it. The certificate is the server's own self-signed one, so the browser context
// ignores certificate errors as a tester's "proceed anyway" would. A screenshot goes to DIR.
// Exit code 0 when all went well, 1 otherwise, with the reason on stderr.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { argument, launchChromium } from './harness.mjs';

const WAIT_MS = 15_000;

const url = argument('--url');
const out = argument('--out', 'target/browser');
if (!url) {
  console.error('usage: node browser-https.mjs --url http://127.0.0.1:PORT/ [--out DIR]');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

/** Polls `check` in the page until it is true; fails naming `what` and showing the screen's end. */
async function until(page, check, what, arg = null) {
  const deadline = Date.now() + WAIT_MS;
  while (!(await page.evaluate(check, arg))) {
    if (Date.now() > deadline) {
      const screen = await page.evaluate(() => (window.carrier ? window.carrier.screenText() : '(no terminal)'));
      throw new Error(`${page.carrierName}: ${what} did not happen; the screen ends:\n`
        + screen.trimEnd().split('\n').slice(-8).join('\n'));
    }
    await page.waitForTimeout(50);
  }
}

const shows = (page, text) => until(page, (needle) => window.carrier.screenText().includes(needle),
  `showing ${JSON.stringify(text)}`, text);

async function enter(page, line) {
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** Opens the page at `address`, registers `handle` and goes into chat. */
async function caller(browser, handle, address) {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1000, height: 640 } });
  const page = await context.newPage();
  page.carrierName = handle;
  page.sockets = [];
  page.on('websocket', (ws) => page.sockets.push(ws.url()));
  page.on('pageerror', (e) => console.error(`${handle}: page error: ${e.message}`));
  await page.goto(address);
  await until(page, () => window.carrier && window.carrier.state() === 'connected', 'connecting');
  await shows(page, 'login: ');
  for (const [prompt, answer] of [['login: ', 'new'], ['new handle: ', handle], ['new password: ', 'secret-' + handle],
    ['repeat password: ', 'secret-' + handle]]) {
    await shows(page, prompt);
    await enter(page, answer);
  }
  await shows(page, 'Main menu: ');
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type('c');
  await shows(page, '*** Welcome to chat.');
  console.log(`step: ${handle} is in chat over ${page.url()}`);
  return page;
}

const browser = await launchChromium();
let failed = false;
const pages = [];
try {
  if (!url.startsWith('http://')) throw new Error('give the plain http:// address: the redirect is part of the test');
  pages.push(await caller(browser, 'dora', url));
  const dora = pages[0];
  if (!dora.url().startsWith('https://')) throw new Error(`the page stayed at ${dora.url()}, not https://`);
  if (dora.sockets.length === 0 || !dora.sockets.every((socket) => socket.startsWith('wss://'))) {
    throw new Error(`the page's WebSockets were not all wss://: ${JSON.stringify(dora.sockets)}`);
  }
  console.log(`step: http:// was redirected to ${dora.url()} and the terminal connected over ${dora.sockets[0]}`);

  pages.push(await caller(browser, 'eve', dora.url()));
  const eve = pages[1];
  await shows(dora, '*** eve has joined chat');
  await enter(eve, 'hello over wss');
  await shows(dora, '<eve> hello over wss');
  await dora.screenshot({ path: join(out, 'terminal-https.png') });
  console.log('https browser test passed');
} catch (e) {
  failed = true;
  console.error('https browser test failed: ' + (e && e.stack ? e.stack : e));
  for (const page of pages) {
    try {
      await page.screenshot({ path: join(out, `failure-https-${page.carrierName}.png`) });
    } catch (ignored) { /* the page may be gone */ }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
