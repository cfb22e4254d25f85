// tests/e2e/lib.mjs: the browser tests' harness. Starts the real `bangfu serve` (the binary in
// $BANGFU_BIN, the ASan build `make test` made) on a fresh database and a free port, with one
// account per role, and drives Debian's chromium through playwright-core (never a downloaded
// browser). Test files are tests/e2e/*.test.mjs, run by `node --test` from tests/run:
//
//   import { test, before, after } from 'node:test';
//   import assert from 'node:assert/strict';
//   import { setup } from './lib.mjs';
//   let env;
//   before(async () => { env = await setup(); });
//   after(async () => { await env.close(); });
//   test('the county sees only its target', async () => {
//     const page = await env.page();            // a fresh browser context, 1366×768, Chinese
//     await env.login(page, 'county');          // through the login form; lands on #/overview
//     await page.goto(env.url + '#/targets');
//     ...
//   });
//
// Accounts (password PASSWORD): admin, planner, unit (U048 省统计局, lead of 廉江市 440881's
// group G2023-440881), county (440881 廉江市), auditor. env.api(role) signs in over HTTP and
// returns call(method, path, body) → {status, body} for setting up or checking data.
// Each test file gets its own server (so failed-login slow-downs stay inside a file); the
// server's log is checked for sanitizer reports when it stops.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PASSWORD = 'a long enough secret';
export const ROLES = {
  admin: [],
  planner: [],
  unit: ['--unit', 'U048'],
  county: ['--target', '440881'],
  auditor: [],
};
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function bin() {
  const b = process.env.BANGFU_BIN || join(ROOT, 'build/asan/bangfu');
  return resolve(b);
}

function run(args, input) {
  return execFileSync(bin(), args, { input, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, BANGFU_DB: '' } });
}

// A fresh database with the bundled data and one account per role.
export function makeDatabase(dir) {
  const db = join(dir, 'bangfu.db');
  run(['--db', db, 'init']);
  run(['--db', db, 'user', 'passwd', 'admin', '--password-stdin'], PASSWORD + '\n');
  for (const [role, extra] of Object.entries(ROLES)) {
    if (role === 'admin') continue;
    run(['--db', db, 'user', 'add', role, '--role', role, ...extra, '--password-stdin'], PASSWORD + '\n');
  }
  return db;
}

// Starts `bangfu serve` on 127.0.0.1 and a free port; resolves {url, port, db, dir, log(), stop()}.
export async function startServer(opts = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bangfu-e2e-'));
  const db = opts.db || makeDatabase(dir);
  const proc = spawn(bin(), ['--db', db, 'serve', '--listen', '127.0.0.1:0', ...(opts.args || [])],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const port = await new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error('bangfu serve did not start:\n' + log)), 20000);
    proc.stderr.on('data', (d) => {
      log += d;
      const m = /serving .* on http:\/\/127\.0\.0\.1:(\d+)\//.exec(log);
      if (m) { clearTimeout(timer); res(Number(m[1])); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); rej(new Error(`bangfu serve exited (${code}):\n${log}`)); });
  });
  proc.removeAllListeners('exit');
  const url = `http://127.0.0.1:${port}/`;
  return {
    url, port, db, dir,
    log: () => log,
    async stop() {
      if (proc.exitCode === null) {
        const done = new Promise((r) => proc.on('exit', r));
        proc.kill('SIGTERM');
        await Promise.race([done, new Promise((r) => setTimeout(r, 10000))]);
      }
      if (!opts.keep) rmSync(dir, { recursive: true, force: true });
      const bad = /ERROR: AddressSanitizer|runtime error:|ERROR: LeakSanitizer/.exec(log);
      if (bad) throw new Error('sanitizer report in the server log:\n' + log.slice(Math.max(0, bad.index - 200), bad.index + 3000));
    },
  };
}

// Signs in over HTTP (no browser): call(method, path, body) → {status, body}.
export async function apiSession(url, role, password = PASSWORD) {
  const r = await fetch(url + 'api/v1/session', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: role, password }),
  });
  if (r.status !== 200) throw new Error(`sign-in as ${role}: HTTP ${r.status}`);
  const { csrf } = await r.json();
  const cookie = r.headers.get('set-cookie').split(';')[0];
  return async (method, path, body) => {
    const res = await fetch(url + path.replace(/^\//, ''), {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed = text;
    try { parsed = JSON.parse(text); } catch { /* CSV or empty */ }
    return { status: res.status, body: parsed };
  };
}

// The usual start of a test file: a server and a browser; env.close() stops both.
export async function setup(opts = {}) {
  const server = await startServer(opts);
  let browser;
  try {
    // playwright gives every launch a fresh temporary user-data-dir of its own (and refuses
    // a --user-data-dir argument here).
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  } catch (e) {
    await server.stop();
    throw e;
  }
  const pages = [];
  const env = {
    url: server.url, server, browser,
    // A page in a fresh context (no cookies, empty localStorage): 1366×768 unless told.
    async page(o = {}) {
      const context = await browser.newContext({ viewport: o.viewport || { width: 1366, height: 768 }, locale: o.locale || 'zh-CN' });
      const page = await context.newPage();
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
      pages.push(page);
      return page;
    },
    // Signs in through the login form and waits for the overview.
    async login(page, role, password = PASSWORD) {
      if (!page.url().startsWith(server.url)) await page.goto(server.url + '#/login');
      await page.waitForSelector('#login-user');
      await page.fill('#login-user', role);
      await page.fill('#login-pass', password);
      await page.click('.login button[type=submit]');
      await page.waitForSelector('.who .user');
      await ready(page);
    },
    api: (role, password) => apiSession(server.url, role, password),
    ready,
    async close() {
      await browser.close().catch(() => {});
      await server.stop();
    },
  };
  return env;
}

// Waits until the page of the current address has finished rendering (app.js sets data-ready
// on it, and data-hash to the address it was drawn for: right after a click the old page is
// still there, ready, until the browser delivers the hashchange).
export async function ready(page, timeout = 15000) {
  await page.waitForFunction(() => {
    const el = document.querySelector('main .page');
    return el && el.dataset.ready === '1' && el.dataset.hash === location.hash;
  }, null, { timeout });
}

// Saves docs/screenshots/NAME.png (used by `make screenshots`).
export async function screenshot(page, name, dir = join(ROOT, 'docs/screenshots')) {
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, name + '.png') });
}

export function readText(path) { return readFileSync(path, 'utf8'); }
