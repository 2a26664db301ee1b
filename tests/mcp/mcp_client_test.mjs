// The official MCP TypeScript SDK as a real client of `POST /mcp`: if the SDK can connect,
// list the tools and book, look up and cancel an appointment through them, so can the MCP
// hosts built on it. The raw JSON-RPC details are covered by tests/integration/mcp_tests.cpp.
//
// Usage: node mcp_client_test.mjs --api-url http://127.0.0.1:PORT --token apk_…
//                                 [--branch mitte] [--phone +4915112345678]
import { parseArgs } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const { values: opt } = parseArgs({
  options: {
    'api-url': { type: 'string' },
    token: { type: 'string' },
    // The demo tenant has two branches; without one every tool answers branch_required.
    branch: { type: 'string', default: 'mitte' },
    phone: { type: 'string', default: '+4915112345678' },
  },
});
if (!opt['api-url'] || !opt.token) {
  console.error('usage: mcp_client_test.mjs --api-url URL --token apk_… [--branch SLUG] [--phone NUMBER]');
  process.exit(2);
}

const revisions = ['2025-11-25', '2025-06-18', '2025-03-26'];
const tools = [
  'get_current_context', 'check_customer', 'list_services', 'get_service_info',
  'get_opening_hours', 'parse_date', 'check_availability', 'find_next_available',
  'reserve_slot', 'release_slot_reservation', 'book_appointment', 'collect_appointment_data',
  'query_appointment', 'cancel_appointment', 'reschedule_appointment', 'request_callback',
];

// The last HTTP exchanges, shown on failure: a protocol fault is only clear from what the SDK
// sent and what the server answered, not from the SDK's error alone.
const wire = [];
async function tracingFetch(url, init = {}) {
  // The SDK passes a Headers object; its keys come out in lower case.
  const headers = Object.fromEntries(new Headers(init.headers));
  delete headers.authorization;  // keep the token out of the log
  const entry = { sent: `${init.method ?? 'GET'} ${url}`, headers, body: init.body };
  wire.push(entry);
  if (wire.length > 6) wire.shift();
  const res = await fetch(url, init);
  entry.answered = `${res.status} ${res.headers.get('content-type') ?? ''}`;
  entry.session = res.headers.get('mcp-session-id') ?? undefined;
  // Only JSON is read here: an event stream would never end and block the clone.
  if ((res.headers.get('content-type') ?? '').includes('json')) entry.reply = await res.clone().text();
  return res;
}

function fail(step, message, got) {
  console.error(`mcp client test: FAIL at ${step}: ${message}`);
  if (got !== undefined) console.error(`  got: ${typeof got === 'string' ? got : JSON.stringify(got, null, 2)}`);
  console.error('  last HTTP exchanges:');
  for (const e of wire) console.error(`    ${JSON.stringify(e)}`);
  process.exit(1);
}

// One bound for the whole run, so a hanging request fails the test instead of the CTest timeout.
setTimeout(() => fail('timeout', 'the run took longer than 60 s'), 60_000);

const client = new Client({ name: 'askpro-mcp-client-test', version: '1.0.0' });
const transport = new StreamableHTTPClientTransport(new URL('/mcp', opt['api-url']), {
  requestInit: { headers: { Authorization: `Bearer ${opt.token}` } },
  fetch: tracingFetch,
});

// Calls a tool; an SDK exception (protocol or transport error) is a failure of this step.
async function call(step, name, args) {
  try {
    const result = await client.callTool({ name, arguments: { branch: opt.branch, ...args } });
    console.log(`${step}: ${result.isError ? 'error' : 'ok'}: ${result.content?.[0]?.text ?? ''}`);
    return result;
  } catch (e) {
    fail(step, `tools/call ${name} threw ${e}`);
  }
}

function expectOk(step, result) {
  if (result.isError !== false || typeof result.structuredContent !== 'object')
    fail(step, 'expected isError false and structuredContent', result);
  return result.structuredContent;
}

// connect: initialize, notifications/initialized and the optional GET stream (answered 405).
try {
  await client.connect(transport);
} catch (e) {
  fail('connect', `initialize failed: ${e}`);
}
const server = client.getServerVersion();
if (server?.name !== 'askpro') fail('connect', 'serverInfo.name is not askpro', server);
if (!revisions.includes(transport.protocolVersion))
  fail('connect', `negotiated protocol version is not one of ${revisions}`, transport.protocolVersion);
if (!transport.sessionId) fail('connect', 'no Mcp-Session-Id was issued');
console.log(`connect: ok: ${server.name} ${server.version}, protocol ${transport.protocolVersion}`);

// tools/list, following nextCursor should the server ever page.
const listed = [];
try {
  let cursor;
  do {
    const page = await client.listTools(cursor ? { cursor } : {});
    listed.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor);
} catch (e) {
  fail('listTools', `tools/list threw ${e}`);
}
for (const name of tools) {
  const tool = listed.find((t) => t.name === name);
  if (!tool) fail('listTools', `tool ${name} is missing`, listed.map((t) => t.name));
  if (tool.inputSchema?.type !== 'object') fail('listTools', `${name}'s inputSchema.type is not object`, tool);
}
console.log(`listTools: ok: ${listed.length} tools`);

const context = expectOk('get_current_context', await call('get_current_context', 'get_current_context', {}));
if (!/^\d{4}-\d{2}-\d{2}$/.test(context.date ?? ''))
  fail('get_current_context', 'structuredContent.date is not an ISO date', context);

// A morning from three days on, Tuesday to Friday, when the branch is open (see
// config/demo-tenant.json); the first that is free, as a holiday may be closed.
const service = 'herrenhaarschnitt';
const time = '10:00';
let date;
const tried = [];
for (let ahead = 3; !date && ahead <= 21; ahead++) {
  const day = new Date(`${context.date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + ahead);
  if (day.getUTCDay() < 2 || day.getUTCDay() > 5) continue;
  const iso = day.toISOString().slice(0, 10);
  const free = await call(`check_availability ${iso}`, 'check_availability', { date: iso, time, service });
  tried.push(free);
  if (free.isError === false && free.structuredContent?.available === true) date = iso;
}
if (!date) fail('check_availability', `no Tuesday to Friday at ${time} was free within three weeks`, tried);

const booking = { date, time, service, phone: opt.phone, name: 'Erika Mustermann' };
const booked = expectOk('book_appointment', await call('book_appointment', 'book_appointment', booking));
const id = booked.appointment_id;
if (!id) fail('book_appointment', 'no structuredContent.appointment_id', booked);

// The same call again in the same session is the agent repeating itself: the same appointment.
const again = expectOk('book_appointment again', await call('book_appointment again', 'book_appointment', booking));
if (again.appointment_id !== id) fail('book_appointment again', `expected appointment_id ${id}`, again);

const mine = expectOk('query_appointment', await call('query_appointment', 'query_appointment', { phone: opt.phone }));
if (!mine.appointments?.some((a) => a.appointment_id === id))
  fail('query_appointment', `appointment ${id} is not listed`, mine);

const cancelled = expectOk('cancel_appointment',
  await call('cancel_appointment', 'cancel_appointment', { appointment_id: id, phone: opt.phone }));
if (cancelled.appointment_id !== id) fail('cancel_appointment', `expected appointment_id ${id}`, cancelled);

// Without the caller's number the tool answers an error the agent can correct, not a fault.
const { phone: _, ...anonymous } = booking;
const refused = await call('book_appointment without phone', 'book_appointment', anonymous);
if (refused.isError !== true) fail('book_appointment without phone', 'expected isError true', refused);

// DELETE /mcp ends the session; the SDK throws on any answer but 2xx and 405.
try {
  await transport.terminateSession();
  await client.close();
} catch (e) {
  fail('terminateSession', `ending the session threw ${e}`);
}
if (transport.sessionId) fail('terminateSession', 'the SDK still holds the session', transport.sessionId);

console.log('mcp client test: ok');
// Neither the 60 s timer nor idle keep-alive sockets may hold the process open.
process.exit(0);
