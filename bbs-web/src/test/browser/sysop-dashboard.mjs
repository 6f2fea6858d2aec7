// The sysop dashboard (/sysop) in a real browser: Debian's headless Chromium driven by Playwright.
//
//   node sysop-dashboard.mjs --url http://127.0.0.1:PORT/sysop --out DIR
//
// It starts no server: SysopDashboardTest (bbs-server) does, with the sysop sue, the user bob
// (not a sysop, logged in over telnet) and some chat traffic, and passes the address. bob's own
// account is turned away; sue's shows the desk: bob in the who list, the health, both charts of
// the last hour with bob in them, and the audit log. The script prints CONNECT-CAROL and waits
// for CAROL-ON while the test brings carol in over telnet: carol must appear without a reload.
// Then sue kicks bob; his row goes, the audit log names web:sue, and the script prints
// KICKED-BOB for the test to check bob's line was hung up. Screenshots go to DIR.
// Exit code 0 when all went well, 1 otherwise, with the reason on stderr.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { argument, launchChromium, step, testInput } from './harness.mjs';

const WAIT_MS = 15_000;

const url = argument('--url');
const out = argument('--out', 'target/browser');
if (!url) {
  console.error('usage: node sysop-dashboard.mjs --url http://127.0.0.1:PORT/sysop [--out DIR]');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const input = testInput();
const nextLine = input.nextLine;

/** Waits until `check` (run in the page) is true; fails naming `what`. */
async function awaitPage(page, check, what, arg) {
  try {
    await page.waitForFunction(check, arg, { timeout: WAIT_MS, polling: 100 });
  } catch (e) {
    throw new Error(`${what} never came: ${e.message}`);
  }
}

const whoHandles = (page) => page.$$eval('#who tbody tr', (rows) => rows.map((row) => row.dataset.handle));

async function logIn(page, handle, password) {
  await page.fill('#handle', handle);
  await page.fill('#password', password);
  await page.click('#login button[type=submit]');
}

const browser = await launchChromium();

let page;
let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  await page.goto(url);

  await logIn(page, 'bob', 'secret-bob');
  await awaitPage(page, () => document.querySelector('#login-error').textContent === 'Only sysops may use this page.',
    'the refusal of a user who is not a sysop');
  if (await page.isVisible('#desk')) throw new Error('the desk showed for bob, who is not a sysop');
  step('bob, not a sysop, was turned away');
  problems.length = 0; // the browser reports the refused request itself; only what follows must be clean

  await logIn(page, 'sue', 'secret-sue');
  await awaitPage(page, () => !document.querySelector('#desk').hidden
    && [...document.querySelectorAll('#who tbody tr')].some((row) => row.dataset.handle === 'bob'),
  'the desk with bob in the who list');
  const bobRow = await page.$eval('#who tr[data-handle="bob"]', (row) => [...row.cells].map((c) => c.textContent));
  if (bobRow[2] !== 'telnet' || !bobRow[3].startsWith('127.0.0.1')) throw new Error('bob\'s row: ' + bobRow);
  if (await page.isVisible('#login')) throw new Error('the login form still shows beside the desk');
  step('sue sees bob on node ' + bobRow[0] + ' via ' + bobRow[2]);

  const health = await page.$eval('#health-list', (list) => list.textContent);
  if (!/Nodes\s*1 of \d+/.test(health)) throw new Error('the health shows: ' + health);
  step('the health shows the nodes in use');

  await awaitPage(page, () => document.querySelectorAll('.chart .uplot canvas').length === 2, 'two charts');
  const legends = await page.$$eval('.chart .u-legend', (all) => all.map((legend) => legend.textContent));
  if (!legends[0].includes('Callers per minute') || !legends[1].includes('Messages per minute')) {
    throw new Error('the charts are: ' + legends);
  }
  await awaitPage(page, () => {
    const hour = window.carrierSysop && window.carrierSysop.last && window.carrierSysop.last.lastHour;
    return hour && hour.minutes.length === 60 && hour.callers[59] >= 1 && hour.messages.reduce((sum, n) => sum + n, 0) >= 2;
  }, 'the last hour with bob connected and his chat lines');
  const drawn = await page.evaluate(() => window.carrierSysop.charts.callers.data[1]);
  if (drawn[59] < 1) throw new Error('the callers chart draws ' + drawn[59] + ' for this minute');
  if (drawn[0] !== 0) throw new Error('the callers chart draws ' + drawn[0] + ' callers an hour ago, before the server ran');
  step('both charts of the last hour draw bob and his messages');

  const audit = await page.$$eval('#audit tbody tr', (rows) => rows.map((row) => row.textContent));
  if (!audit.some((row) => row.includes('broadcast'))) throw new Error('the audit log shows: ' + audit);
  step('the audit log shows the broadcast');

  console.log('CONNECT-CAROL');
  await nextLine('CAROL-ON', WAIT_MS);
  await awaitPage(page, () => [...document.querySelectorAll('#who tbody tr')].some((row) => row.dataset.handle === 'carol'),
    'carol in the who list without a reload');
  step('carol appeared by herself');
  await page.screenshot({ path: join(out, 'sysop-dashboard.png'), fullPage: true });

  await page.click('#who tr[data-handle="bob"] button.kick');
  await awaitPage(page, () => ![...document.querySelectorAll('#who tbody tr')].some((row) => row.dataset.handle === 'bob'),
    'bob gone from the who list after the kick');
  await awaitPage(page, () => [...document.querySelectorAll('#audit tbody tr')]
    .some((row) => row.cells[1].textContent === 'web:sue' && row.cells[2].textContent === 'kick'),
  'the kick in the audit log, by web:sue');
  step('sue kicked bob; the audit log says so: ' + (await whoHandles(page)).join(','));
  console.log('KICKED-BOB');

  if (problems.length > 0) throw new Error('the page reported: ' + problems.join('; '));
  console.log('sysop dashboard test passed');
} catch (e) {
  failed = true;
  console.error('sysop dashboard test failed: ' + (e && e.stack ? e.stack : e));
  if (page) {
    try {
      await page.screenshot({ path: join(out, 'failure-sysop.png'), fullPage: true });
    } catch (ignored) { /* the page may be gone */ }
  }
} finally {
  await browser.close();
  input.close();
}
process.exit(failed ? 1 : 0);
