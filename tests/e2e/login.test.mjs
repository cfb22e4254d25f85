// The login page's errors: a wrong password, a disabled account (the same generic answer, by
// design: no account enumeration; disabling ends its open sessions), and the
// slow-down after repeated failures (429: the wait is shown and counted down). Its own server,
// so the failures here slow no other test down.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { setup, PASSWORD } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const bangfu = (...args) => execFileSync(process.env.BANGFU_BIN, ['--db', env.server.db, ...args]);

async function tryLogin(page, user, password) {
  await page.fill('#login-user', user);
  await page.fill('#login-pass', password);
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'POST'),
    page.click('.login button[type=submit]'),
  ]);
  await page.waitForSelector('.login-msg .error');
  return page.getAttribute('.login-msg .error', 'data-error');
}

test('a wrong password says so, and the form stays usable', async () => {
  const page = await env.page();
  await page.goto(env.url);
  await page.waitForSelector('#login-user');
  assert.equal(await tryLogin(page, 'planner', 'not the password'), 'wrong');
  assert.match(await page.textContent('.login-msg'), /账号或口令错误/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'login-pass');
  await env.login(page, 'planner');
  assert.equal(await page.textContent('.who .user'), 'planner');
  await page.context().close();
});

test('a disabled account: refused at login; an open session ends with "disabled"', async () => {
  const page = await env.page();
  await env.login(page, 'auditor');
  bangfu('user', 'disable', 'auditor');           // ends the account's sessions too
  await page.waitForTimeout(1500);                // the server confirms sessions at least every second
  await page.goto(env.url + '#/targets/440881');   // the dossier asks the API for its checks
  await page.waitForSelector('#login-user');
  assert.match(await page.textContent('.login-msg'), /会话已结束|已停用/);
  assert.equal(await tryLogin(page, 'auditor', PASSWORD), 'wrong');
  await page.context().close();
});

test('repeated failures slow down: the wait is shown, then signing in works', async () => {
  const page = await env.page();
  await page.goto(env.url);
  await page.waitForSelector('#login-user');
  let kind = null;
  for (let i = 0; i < 8 && kind !== 'slowed'; i++) {
    kind = await tryLogin(page, 'admin', 'wrong ' + i);
    if (kind === 'slowed') break;
  }
  assert.equal(kind, 'slowed');
  const text = await page.textContent('.login-msg');
  assert.match(text, /请在 \d+ 秒后再试/);
  assert.equal(await page.isDisabled('.login button[type=submit]'), true);
  await page.waitForFunction(() => !document.querySelector('.login button[type=submit]').disabled, null, { timeout: 20000 });
  await env.login(page, 'admin');
  assert.equal(await page.textContent('.who .user'), 'admin');
  await page.context().close();
});
