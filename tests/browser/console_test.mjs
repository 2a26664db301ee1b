// End-to-end test of the ops console page in headless Chromium.
//
//   node console_test.mjs --ops-url http://127.0.0.1:8081 --api-url http://127.0.0.1:8080 \
//     --retell-key KEY --number +493091204410 --screenshot build/ops-console.png
//
// The ops token comes from --token or the environment variable ASKPRO_OPS_TOKEN. The server must
// have the demo tenant (config/demo-tenant.json) applied. run_console_test.sh starts one.
// Exits 0 when every step passed, 1 with the failing step's reason otherwise.

import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const WAIT_MS = 15000;      // longest wait for one condition (the page refreshes every 3 s)
const OVERALL_MS = 180000;  // the whole test

const { values: opt } = parseArgs({
  options: {
    'ops-url': { type: 'string' },
    'api-url': { type: 'string' },
    token: { type: 'string' },
    'retell-key': { type: 'string' },
    number: { type: 'string' },
    screenshot: { type: 'string' },
    chromium: { type: 'string' },
    'call-id': { type: 'string', default: 'call_console_1' },
    tenant: { type: 'string', default: 'salon-lindenblatt' },
    branch: { type: 'string', default: 'mitte' },
  },
});

const opsUrl = (opt['ops-url'] || '').replace(/\/+$/, '');
const apiUrl = (opt['api-url'] || '').replace(/\/+$/, '');
const token = opt.token || process.env.ASKPRO_OPS_TOKEN || '';
const retellKey = opt['retell-key'] || '';
const number = opt.number || '';
const screenshot = opt.screenshot || '';
const chromiumPath = opt.chromium || process.env.CHROMIUM || '/usr/bin/chromium';
const callId = opt['call-id'];
const tenant = opt.tenant;

function usage(problem) {
  console.error(`console_test: ${problem}\n` +
    'usage: node console_test.mjs --ops-url URL --api-url URL --retell-key KEY --number E164 ' +
    '--screenshot FILE [--token T | env ASKPRO_OPS_TOKEN] [--chromium PATH]');
  process.exit(2);
}
if (!opsUrl) usage('--ops-url is required');
if (!apiUrl) usage('--api-url is required');
if (!token) usage('the ops token is required (--token or ASKPRO_OPS_TOKEN)');
if (!retellKey) usage('--retell-key is required');
if (!number) usage('--number is required');
if (!screenshot) usage('--screenshot is required');
if (!existsSync(chromiumPath)) {
  console.error(`console_test: FAIL: Chromium not found at ${chromiumPath} (Debian package "chromium")`);
  process.exit(1);
}

const callPath = `/tenants/${tenant}/calls/${callId}`;
const spareCallId = `${callId}_stop`;
const spareCallPath = `/tenants/${tenant}/calls/${spareCallId}`;
const breakerPath = `/tenants/${tenant}/calendars/${opt.branch}/breaker`;
const bookingPath = `/tenants/${tenant}/booking`;

// ---------- helpers ----------

class TestFailure extends Error {}
const fail = (msg) => { throw new TestFailure(msg); };
function check(cond, msg) { if (!cond) fail(msg); }

let passed = 0;
async function step(name, fn) {
  try {
    await fn();
  } catch (e) {
    const why = e instanceof TestFailure ? e.message : (e && e.stack) || String(e);
    console.log(`not ok ${passed + 1} - ${name}\n  ${why.split('\n').join('\n  ')}`);
    if (e && typeof e === 'object') e.reported = true;
    throw e;
  }
  passed += 1;
  console.log(`ok ${passed} - ${name}`);
}

// Polls fn until it returns a truthy value; fails with desc after timeoutMs.
async function until(desc, fn, timeoutMs = WAIT_MS) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > deadline) fail(`timed out after ${timeoutMs} ms waiting for ${desc}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function opsGet(path) {
  const url = opsUrl + '/ops/actors' + (path === '/' ? '' : path);
  const res = await fetch(url, {
    headers: { Authorization: `Bearer ${token}`, 'X-Ops-User': 'console-test' },
    signal: AbortSignal.timeout(5000),
  });
  const text = await res.text();
  if (res.status !== 200) fail(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

async function opsGetStatus(path) {
  const res = await fetch(opsUrl + '/ops/actors' + path, {
    headers: { Authorization: `Bearer ${token}`, 'X-Ops-User': 'console-test' },
    signal: AbortSignal.timeout(5000),
  });
  await res.arrayBuffer();
  return res.status;
}

// The page's Playwright locators
const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);
const treeRow = (page, path) => page.locator(`[data-testid="tree"] [data-path="${path}"]`);

async function waitDetailsFor(page, path) {
  await page.waitForFunction(
    (p) => document.querySelector('[data-testid="details"] [data-field="path"]')?.textContent === p,
    path, { timeout: WAIT_MS });
}

// Waits until the message area holds a final (not pending) result; returns { kind, text }.
async function actionResult(page) {
  await page.waitForFunction(() => {
    const m = document.querySelector('[data-testid="message"]');
    return m && !m.hidden && (m.dataset.kind === 'ok' || m.dataset.kind === 'error');
  }, null, { timeout: WAIT_MS });
  return byTestId(page, 'message').evaluate((m) => ({ kind: m.dataset.kind, text: m.textContent.trim() }));
}

async function clickAction(page, testid, expect, wantKind = 'ok') {
  await byTestId(page, 'message').evaluate((m) => { m.hidden = true; delete m.dataset.kind; }).catch(() => {});
  await byTestId(page, testid).click();
  await byTestId(page, 'confirm-yes').waitFor({ state: 'visible' });
  await byTestId(page, 'confirm-yes').click();
  const r = await actionResult(page);
  if (wantKind === 'ok') check(r.kind === 'ok', `${testid}: the page reports a failure: ${r.text}`);
  else check(r.kind === wantKind, `${testid}: expected a ${wantKind} message, the page shows (${r.kind}) ${r.text}`);
  if (expect) check(r.text.includes(expect), `${testid}: message "${r.text}" does not mention ${expect}`);
  return r;
}

async function selectByFilter(page, filter, path) {
  await byTestId(page, 'tab-tree').click();
  await byTestId(page, 'filter').fill(filter);
  await treeRow(page, path).waitFor({ state: 'visible' });
  await treeRow(page, path).click();
  await waitDetailsFor(page, path);
}

const isLoopback = (host) => host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

// ---------- the test ----------

async function main() {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    timeout: 30000,
  });
  const requests = [];
  const pageErrors = [];
  let page;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    page.on('request', (req) => requests.push({ url: req.url(), method: req.method(), headers: req.headers() }));
    page.on('pageerror', (err) => pageErrors.push(`uncaught: ${err.message}`));
    page.on('console', (msg) => {
      // failed loads (the deliberate 401 below) are logged by the browser; anything else is the page's fault
      if (msg.type() === 'error' && !/^Failed to load resource/.test(msg.text())) pageErrors.push(`console: ${msg.text()}`);
    });

    async function startCall(id) {
      const ms = Date.now();
      const body = JSON.stringify({
        event: 'call_started',
        call: {
          call_id: id, from_number: '+4915112345678', to_number: number,
          direction: 'inbound', call_status: 'ongoing', start_timestamp: ms,
        },
      });
      const digest = createHmac('sha256', retellKey).update(body + String(ms)).digest('hex');
      const res = await fetch(apiUrl + '/webhooks/retell', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-retell-signature': `v=${ms},d=${digest}` },
        body,
        signal: AbortSignal.timeout(10000),
      });
      const text = await res.text();
      check(res.status === 204, `POST /webhooks/retell (${id}) answered ${res.status}, expected 204: ${text.slice(0, 300)}`);
    }

    await step('live calls start through signed Retell call_started webhooks', async () => {
      await startCall(callId);
      await startCall(spareCallId);
      // the 204 comes before the session exists: it starts asynchronously
      for (const path of [callPath, spareCallPath]) {
        await until(`${path} to appear in the tree`, async () => (await opsGetStatus(path)) === 200);
        const node = await opsGet(path);
        check(node.kind === 'call', `${path} has kind ${node.kind}, expected call`);
      }
    });

    await step('the console loads without a token and asks for one; a wrong token is refused', async () => {
      const res = await page.goto(opsUrl + '/ops/console', { waitUntil: 'load' });
      check(res && res.status() === 200, `GET /ops/console answered ${res && res.status()}`);
      check(/text\/html/.test(res.headers()['content-type'] || ''), `GET /ops/console has content-type ${res.headers()['content-type']}`);
      await byTestId(page, 'token-input').waitFor({ state: 'visible' });
      await byTestId(page, 'token-input').fill('not-the-token');
      await byTestId(page, 'token-submit').click();
      await byTestId(page, 'token-error').waitFor({ state: 'visible' });
      check(await byTestId(page, 'token-input').isVisible(), 'the token form is not shown again after a 401');
      const kept = await page.evaluate(() => sessionStorage.getItem('askpro.ops.token'));
      check(kept === null, 'a refused token stays in sessionStorage');
    });

    await step('with the right token the tree appears and the token is kept in sessionStorage', async () => {
      await byTestId(page, 'token-input').fill(token);
      await byTestId(page, 'token-submit').click();
      await treeRow(page, '/').waitFor({ state: 'visible' });
      await treeRow(page, '/tenants').waitFor({ state: 'visible' });
      check(!(await byTestId(page, 'token-input').isVisible()), 'the token form is still shown');
      const kept = await page.evaluate(() => sessionStorage.getItem('askpro.ops.token'));
      check(kept === token, 'the token is not in sessionStorage under askpro.ops.token');
    });

    await step('the filter finds the call; its details show path and state', async () => {
      await byTestId(page, 'filter').fill(callId);
      await treeRow(page, callPath).waitFor({ state: 'visible' });
      await treeRow(page, `/tenants/${tenant}`).waitFor({ state: 'visible' }); // ancestors stay
      check(await treeRow(page, '/db').count() === 0, 'the filter still shows /db');
      check(await treeRow(page, bookingPath).count() === 0, `the filter still shows ${bookingPath}`);
      await byTestId(page, 'filter').fill('kind:call status:running');
      await treeRow(page, callPath).waitFor({ state: 'visible' });
      check(await treeRow(page, bookingPath).count() === 0, 'kind:call status:running shows the booking actor');
      await treeRow(page, callPath).click();
      await waitDetailsFor(page, callPath);
      const details = byTestId(page, 'details');
      check((await details.locator('[data-field="kind"]').textContent()) === 'call', 'details: kind is not call');
      await page.waitForFunction(
        (id) => (document.querySelector('[data-testid="details"] [data-field="state"]')?.textContent || '').includes(`"call_id": "${id}"`),
        callId, { timeout: WAIT_MS });
      const stateText = await details.locator('[data-field="state"]').textContent();
      const state = JSON.parse(stateText);
      check(state.call_id === callId, `details: state.call_id is ${state.call_id}`);
      for (const f of ['status', 'started', 'restarts', 'mailbox', 'handled', 'last_exit_reason', 'responsive']) {
        check(await details.locator(`[data-field="${f}"]`).count() === 1, `details: field ${f} is missing`);
      }
    });

    await step('a cancelled confirmation sends nothing', async () => {
      const before = requests.filter((r) => r.method === 'POST').length;
      await byTestId(page, 'action-stop').click();
      await byTestId(page, 'confirm-no').waitFor({ state: 'visible' });
      await byTestId(page, 'confirm-no').click();
      await byTestId(page, 'confirm-no').waitFor({ state: 'hidden' });
      // a refresh round trip later, still no POST and the call still runs
      const seen = requests.length;
      await until('the next refresh', async () => requests.length > seen);
      check(requests.filter((r) => r.method === 'POST').length === before, 'cancelling the confirmation sent a POST');
      check((await opsGet(callPath)).status === 'running', 'the call is no longer running after a cancelled stop');
    });

    await step('the breaker opens from the page, the API and the Breakers view show it open', async () => {
      await selectByFilter(page, `kind:breaker path:calendars/${opt.branch}/`, breakerPath);
      check((await opsGet(breakerPath)).state?.breaker === 'closed', 'the breaker is not closed to begin with');
      await clickAction(page, 'action-breaker-open', breakerPath);
      await until('state.breaker == "open" through the ops API', async () => (await opsGet(breakerPath)).state?.breaker === 'open');
      await byTestId(page, 'tab-breakers').click();
      const row = page.locator(`[data-testid="breakers"] tr[data-path="${breakerPath}"]`);
      await row.waitFor({ state: 'visible' });
      await until('the Breakers view to show the breaker open', async () =>
        ((await row.locator('td').nth(1).textContent()) || '').trim() === 'open');
    });

    await step('the breaker resets from the page and the API shows it closed', async () => {
      await byTestId(page, 'tab-tree').click();
      await waitDetailsFor(page, breakerPath);
      await clickAction(page, 'action-breaker-reset', breakerPath);
      await until('state.breaker == "closed" through the ops API', async () => (await opsGet(breakerPath)).state?.breaker === 'closed');
    });

    let restartsBefore;
    await step('restarting the booking actor from the page adds exactly one restart', async () => {
      restartsBefore = (await opsGet(bookingPath)).restarts;
      check(Number.isInteger(restartsBefore), `${bookingPath}: restarts is ${restartsBefore}`);
      await selectByFilter(page, `path:${bookingPath}`, bookingPath);
      await clickAction(page, 'action-restart', bookingPath);
      const after = await until(`restarts of ${bookingPath} to grow`, async () => {
        const n = await opsGet(bookingPath);
        return n.restarts > restartsBefore && n.status === 'running' ? n.restarts : 0;
      });
      check(after === restartsBefore + 1, `restarts went from ${restartsBefore} to ${after}, expected ${restartsBefore + 1}`);
      await page.waitForFunction(
        (want) => document.querySelector('[data-testid="details"] [data-field="restarts"]')?.textContent === String(want),
        restartsBefore + 1, { timeout: WAIT_MS });
    });

    await step('restarting the root is refused; the page shows the 409 problem', async () => {
      await byTestId(page, 'filter').fill('');
      await treeRow(page, '/').click();
      await waitDetailsFor(page, '/');
      const r = await clickAction(page, 'action-restart', '409', 'error');
      check(/409 Conflict — \S/.test(r.text), `the message lacks the problem's title and detail: ${r.text}`);
      check((await opsGet('/')).status === 'running', 'the root is not running after the refused restart');
    });

    await step('stopping a call from the page removes it; the details say it is gone', async () => {
      await selectByFilter(page, spareCallId, spareCallPath);
      await clickAction(page, 'action-stop', spareCallPath);
      await until(`${spareCallPath} to leave the tree`, async () => (await opsGetStatus(spareCallPath)) === 404);
      await page.locator('[data-testid="details"] .d-gone').waitFor({ state: 'visible' });
      await treeRow(page, spareCallPath).waitFor({ state: 'detached' });
      check(await byTestId(page, 'action-restart').isDisabled(), 'Restart stays enabled for an actor that is gone');
      check((await opsGet(callPath)).status === 'running', `${callPath} stopped with its sibling`);
    });

    await step('the Top view lists the restarted actor; the Jobs view answers', async () => {
      await byTestId(page, 'tab-top').click();
      await page.locator(`[data-testid="top-restarts"] tr[data-path="${bookingPath}"]`).waitFor({ state: 'visible' });
      await byTestId(page, 'tab-jobs').click();
      const jobs = byTestId(page, 'jobs');
      await page.waitForFunction(() => {
        const box = document.querySelector('[data-testid="jobs"]');
        return box && box.textContent.trim() !== '' && !/Loading/.test(box.textContent);
      }, null, { timeout: WAIT_MS });
      const text = (await jobs.textContent()).trim();
      check(!/could not be loaded/.test(text), `the Jobs view shows an error: ${text}`);
      console.log(`  # jobs view: ${text.slice(0, 100)}`);
    });

    await step('no request carried the token in its URL or left the loopback host; API calls carry the headers', async () => {
      check(requests.length > 0, 'no request was recorded');
      const enc = encodeURIComponent(token);
      for (const r of requests) {
        check(!r.url.includes(token) && !r.url.includes(enc), `the token appears in a URL: ${r.method} ${r.url.replace(token, '<token>')}`);
        const u = new URL(r.url);
        if (u.protocol === 'data:') continue;
        check(isLoopback(u.hostname), `a request went to a non-loopback host: ${r.method} ${r.url}`);
        if (u.pathname.startsWith('/ops/') && u.pathname !== '/ops/console') {
          check(/^Bearer \S+$/.test(r.headers.authorization || ''), `${r.method} ${u.pathname} has no bearer token`);
          check(r.headers['x-ops-user'] === 'console', `${r.method} ${u.pathname} has no X-Ops-User: console`);
        }
      }
      const shells = requests.filter((r) => new URL(r.url).pathname === '/ops/console');
      check(shells.every((r) => !r.headers.authorization), 'the page itself was requested with a token');
      check(pageErrors.length === 0, `the page logged errors:\n${pageErrors.join('\n')}`);
    });

    await step(`screenshot saved to ${screenshot}`, async () => {
      await byTestId(page, 'tab-tree').click();
      await byTestId(page, 'filter').fill('');
      // the call is shown when it outlived the restarts above, the booking actor otherwise
      const show = (await opsGetStatus(callPath)) === 200 ? callPath : bookingPath;
      await treeRow(page, show).waitFor({ state: 'visible' });
      await treeRow(page, show).click();
      await waitDetailsFor(page, show);
      if (await byTestId(page, 'message').isVisible()) await page.locator('#message-close').click();
      await page.screenshot({ path: screenshot });
    });
  } finally {
    await browser.close().catch(() => {});
  }
}

const watchdog = setTimeout(() => {
  console.error(`console_test: FAIL: the test did not finish within ${OVERALL_MS / 1000} s`);
  process.exit(1);
}, OVERALL_MS);

main().then(() => {
  clearTimeout(watchdog);
  console.log(`console: ${passed} passed, 0 failed`);
  process.exit(0);
}, (e) => {
  clearTimeout(watchdog);
  if (!(e && e.reported)) console.error(`console_test: ${(e && e.stack) || e}`);
  console.log(`console: ${passed} passed, 1 failed`);
  process.exit(1);
});
