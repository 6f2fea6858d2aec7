// The browser terminal in a real browser: Debian's headless Chromium driven by Playwright.
//
//   node browser-terminal.mjs --url http://127.0.0.1:PORT/ --out DIR
//
// It starts no server: BrowserTerminalTest (bbs-server) does, and passes the address. Two pages
// register two users and enter chat; one types a line and the other page's terminal shows it;
// a page asks the other's attention and that page rings its bell. Then the script prints
// RESTART-SERVER and waits for SERVER-RESTARTED on its input, while the test stops the server and
// starts it again on the same port; both pages must reconnect by themselves. Last, a page whose
// server is gone (on a port where nothing listens) must call again after 3 s x 1.5^n, 10 times,
// then offer its Reconnect button; its clock is Playwright's, so that takes no real minutes.
// Screenshots go to DIR. Exit code 0 when all went well, 1 otherwise, with the reason on stderr.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { argument, launchChromium, step, testInput } from './harness.mjs';

const WAIT_MS = 15_000;
const RECONNECT_WAIT_MS = 30_000; // the first call again comes 3 s after the drop

const url = argument('--url');
const out = argument('--out', 'target/browser');
if (!url) {
  console.error('usage: node browser-terminal.mjs --url http://127.0.0.1:PORT/ [--out DIR]');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const input = testInput();
const nextLine = input.nextLine;

const screenText = (page) => page.evaluate(() => window.carrier.screenText());

/** What the terminal shows now, as xterm.js holds it: the visible rows and the cursor (0-based). */
const viewport = (page) => page.evaluate(() => {
  const term = window.carrier.term;
  const buffer = term.buffer.active;
  const rows = [];
  for (let i = 0; i < term.rows; i++) {
    const line = buffer.getLine(buffer.baseY + i);
    rows.push(line ? line.translateToString(true) : '');
  }
  return { rows, cursorY: buffer.cursorY, cursorX: buffer.cursorX };
});

/** Waits until the visible rows pass `check`; fails showing them. */
async function awaitViewport(page, check, what, timeoutMs = WAIT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await viewport(page);
    if (check(view)) return view;
    if (Date.now() > deadline) {
      throw new Error(`${page.carrierName}: ${what} never showed; the screen:\n`
        + view.rows.map((row, i) => String(i + 1).padStart(2) + '|' + row).join('\n')
        + `\ncursor ${view.cursorY + 1},${view.cursorX + 1}`);
    }
    await page.waitForTimeout(50);
  }
}

const rowsWith = (view, needle) => view.rows.filter((row) => row.includes(needle)).length;

/**
 * The chat screen: each line once, the status bar above the input line, and a line that arrives
 * while someone types lands above their input with the typed text left alone.
 */
async function checkChatScreen(alice, bob) {
  await awaitViewport(bob, (v) => rowsWith(v, '<bob> hello from the browser') === 1
    && rowsWith(v, 'hello from the browser') === 1, 'bob\'s own line, once');
  const bar = await awaitViewport(alice, (v) => v.rows[v.rows.length - 2].includes('#lobby')
    && v.rows[v.rows.length - 2].includes('2 people') && v.cursorY === v.rows.length - 1,
    'the status bar over the input line');
  await alice.locator('.xterm-helper-textarea').focus();
  await alice.keyboard.type('half typ');
  await awaitViewport(alice, (v) => v.rows[v.rows.length - 1] === 'half typ', 'the typed text');
  await type(bob, 'while alice types');
  await awaitViewport(alice, (v) => rowsWith(v, '<bob> while alice types') === 1
    && v.rows[v.rows.length - 1] === 'half typ' && v.cursorX === 'half typ'.length,
    'bob\'s line above alice\'s untouched input');
  await alice.locator('.xterm-helper-textarea').focus();
  await alice.keyboard.type('ed');
  await alice.keyboard.press('Enter');
  await awaitViewport(alice, (v) => rowsWith(v, 'half typed') === 1 && rowsWith(v, '<alice> half typed') === 1
    && v.rows[v.rows.length - 1] === '', 'alice\'s own line, once, and an empty input line');
  step('the chat screen: lines once, the status bar, typing undisturbed (' + bar.rows.length + ' rows)');
}

function count(text, needle) {
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) n++;
  return n;
}

/** Waits until the page's terminal shows `needle` at least `times` times. */
async function awaitScreen(page, needle, times = 1, timeoutMs = WAIT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await screenText(page);
    if (count(text, needle) >= times) return;
    if (Date.now() > deadline) {
      throw new Error(`${page.carrierName} never showed ${JSON.stringify(needle)} (x${times}); the screen ends:\n`
        + text.trimEnd().split('\n').slice(-12).join('\n'));
    }
    await page.waitForTimeout(50);
  }
}

async function awaitState(page, predicate, what, timeoutMs = WAIT_MS) {
  try {
    await page.waitForFunction(predicate, null, { timeout: timeoutMs, polling: 50 });
  } catch (e) {
    const state = await page.evaluate(() => ({ state: window.carrier.state(), connects: window.carrier.connects,
      bells: window.carrier.bells, status: document.getElementById('status').textContent }));
    throw new Error(`${page.carrierName}: ${what} did not happen; page state ${JSON.stringify(state)}`);
  }
}

async function type(page, text) {
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function registerAndChat(page, handle) {
  await page.goto(url);
  await awaitState(page, () => window.carrier && window.carrier.state() === 'connected', 'connecting');
  await awaitScreen(page, 'login: ');
  await type(page, 'new');
  await awaitScreen(page, 'new handle: ');
  await type(page, handle);
  await awaitScreen(page, 'new password: ');
  await type(page, 'secret-' + handle);
  await awaitScreen(page, 'repeat password: ');
  await type(page, 'secret-' + handle);
  await awaitScreen(page, 'Main menu: ');
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type('c');
  await awaitScreen(page, '*** Welcome to chat.');
  step(`${handle} is in chat`);
}

/** A local port where nothing listens: found free, then let go. */
function deadPort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Reads the page's state from Node, so the page's faked timers cannot stall the polling. */
async function awaitPage(page, predicate, what, arg = null, timeoutMs = WAIT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(predicate, arg)) return;
    if (Date.now() > deadline) {
      const history = await page.evaluate(() => window.carrier.history.slice(-5));
      throw new Error(`${page.carrierName}: ${what} did not happen; last states ${JSON.stringify(history)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The page's calls again after a drop: 3 s x 1.5^n apart, 10 of them, then the Reconnect button. */
async function checkReconnectSchedule(context) {
  const page = await context.newPage();
  page.carrierName = 'carol';
  const dead = `http://127.0.0.1:${await deadPort()}/`;
  // The page and its files come from the real server, but under the dead port's origin, so its
  // WebSocket goes where nothing answers.
  await page.route(dead + '**', async (route) => {
    const asked = new URL(route.request().url());
    const response = await route.fetch({ url: new URL(asked.pathname + asked.search, url).href });
    await route.fulfill({ response });
  });
  await page.clock.install({ time: 0 });
  await page.clock.pauseAt(1000); // time moves only when told to, below
  await page.goto(dead);
  const expected = [];
  for (let n = 0; n < 10; n++) {
    const delay = 3000 * Math.pow(1.5, n);
    expected.push(delay);
    await awaitPage(page, (d) => document.getElementById('status').textContent
      === 'disconnected; calling again in ' + (d / 1000).toFixed(1) + ' s', `waiting ${delay} ms`, delay);
    await page.clock.runFor(delay);
  }
  await awaitPage(page, () => !document.getElementById('reconnect').hidden
    && window.carrier.state() === 'disconnected', 'the Reconnect button after 10 attempts');
  const calls = await page.evaluate(() => window.carrier.history.filter((h) => h.state === 'connecting').map((h) => h.at));
  const gaps = calls.slice(1).map((at, i) => at - calls[i]);
  if (calls.length !== 11 || gaps.some((gap, i) => Math.abs(gap - expected[i]) > 50)) {
    throw new Error(`calls again came ${JSON.stringify(gaps)} ms apart, expected ${JSON.stringify(expected)}`);
  }
  await page.screenshot({ path: join(out, 'terminal-gave-up.png') });
  await page.click('#reconnect');
  await awaitPage(page, () => window.carrier.history.filter((h) => h.state === 'connecting').length === 12,
    'a call again when Reconnect is clicked');
  step('a page without its server called again 10 times, 3 s x 1.5^n apart, then offered Reconnect');
}

const browser = await launchChromium();

let pages = [];
let failed = false;
try {
  const open = async (name) => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 640 } });
    const page = await context.newPage();
    page.carrierName = name;
    page.on('pageerror', (e) => console.error(`${name}: page error: ${e.message}`));
    page.sentControl = [];
    page.on('websocket', (ws) => ws.on('framesent', (frame) => {
      if (typeof frame.payload === 'string') page.sentControl.push(frame.payload);
    }));
    page.on('console', (m) => { if (m.type() === 'error') console.error(`${name}: console: ${m.text()}`); });
    pages.push(page);
    return page;
  };
  const alice = await open('alice');
  const bob = await open('bob');

  await registerAndChat(alice, 'alice');
  await registerAndChat(bob, 'bob');
  await awaitScreen(alice, '*** bob has joined chat');

  await type(bob, 'hello from the browser');
  await awaitScreen(alice, '<bob> hello from the browser');
  step('alice saw bob\'s line');
  await checkChatScreen(alice, bob);

  await type(bob, '/page alice');
  await awaitScreen(alice, '*** bob is paging you');
  await awaitState(alice, () => window.carrier.bells >= 1, 'the bell');
  step('alice\'s page rang the bell');

  await alice.screenshot({ path: join(out, 'terminal-chat.png') });

  const before = await alice.evaluate(() => ({ cols: window.carrier.term.cols, rows: window.carrier.term.rows }));
  await alice.setViewportSize({ width: 640, height: 400 });
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const resize = alice.sentControl.map((text) => JSON.parse(text)).filter((m) => m.type === 'resize').pop();
    if (resize && resize.cols < before.cols && resize.rows < before.rows) break;
    if (Date.now() > deadline) {
      throw new Error(`no smaller resize sent after the window shrank from ${JSON.stringify(before)}: `
        + JSON.stringify(alice.sentControl));
    }
    await alice.waitForTimeout(50);
  }
  step('alice\'s page told the server its new size');

  const loginsBefore = await Promise.all(pages.map(async (page) => count(await screenText(page), 'login: ')));
  console.log('RESTART-SERVER');
  await nextLine('SERVER-RESTARTED', RECONNECT_WAIT_MS);
  step('the server was restarted');
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i];
    await awaitState(page, () => window.carrier.connects >= 2 && window.carrier.state() === 'connected',
      'reconnecting by itself', RECONNECT_WAIT_MS);
    await awaitScreen(page, 'login: ', loginsBefore[i] + 1);
  }
  step('both pages reconnected by themselves');
  await alice.screenshot({ path: join(out, 'terminal-reconnected.png') });

  await checkReconnectSchedule(await browser.newContext({ viewport: { width: 1000, height: 640 } }));
  console.log('browser test passed');
} catch (e) {
  failed = true;
  console.error('browser test failed: ' + (e && e.stack ? e.stack : e));
  for (const page of pages) {
    try {
      await page.screenshot({ path: join(out, `failure-${page.carrierName}.png`) });
    } catch (ignored) { /* the page may be gone */ }
  }
} finally {
  await browser.close();
  input.close();
}
process.exit(failed ? 1 : 0);
