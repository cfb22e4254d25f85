// The shell (web/js/app.js): each role sees the navigation entries it may use and its name and
// role; the language switch changes every label and is remembered after a reload; a page
// outside the role says "not allowed"; signing out, or a session that ends, leads to the login.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const navOf = (page) => page.$$eval('nav.nav a', (as) => as.map((a) => a.dataset.route));
// commitments: the entry of the groups' work (帮扶工作), which every role reads a part of (on a
// server with the work's routes); reports: the reporting cycle's (组团报告), which every role
// reads a part of; assessments (考核), every role reads its own part
const ALL = ['overview', 'targets', 'units', 'groups', 'cadres', 'commitments', 'reports', 'assessments', 'checks', 'data'];
const EXPECTED = {
  admin: ALL,
  planner: ALL,
  auditor: ALL,
  // /check answers every role with its own findings (the session's capabilities)
  unit: ALL,
  county: ALL,
};

for (const [role, routes] of Object.entries(EXPECTED)) {
  test(`${role}: navigation entries, name and role shown`, async () => {
    const page = await env.page();
    await env.login(page, role);
    // the groups' work (帮扶工作) has its entry where the server offers the work's records
    const caps = (await (await env.api(role))('GET', '/api/v1/session')).body.capabilities;
    const work = caps.records.commitments && caps.records.commitments.read !== 'none';
    const reports = caps.cycle && caps.cycle.read !== 'none';
    assert.deepEqual(await navOf(page), routes.filter((r) => (r !== 'commitments' || work) && (r !== 'reports' || reports)));
    assert.equal(await page.textContent('.who .user'), role);
    assert.equal(await page.getAttribute('.who .role', 'data-role'), role);
    assert.deepEqual(page.errors.filter((e) => !/status of 40[134]/.test(e)), []);
    await page.context().close();
  });
}

test('a page outside the role says "not allowed" (county opens another county)', async () => {
  const page = await env.page();
  await env.login(page, 'county');
  await page.goto(env.url + '#/targets/440222');
  await env.ready(page);
  assert.match(await page.textContent('main'), /无权查看/);
  await page.context().close();
});

test('language: English by the switch, remembered after a reload, and back to Chinese', async () => {
  const page = await env.page();
  await env.login(page, 'admin');
  assert.equal(await page.textContent('nav.nav a[data-route=targets]'), '帮扶对象');
  await page.click('.lang button[data-lang=en]');
  await env.ready(page);
  assert.equal(await page.textContent('nav.nav a[data-route=targets]'), 'Targets');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.reload();
  await env.ready(page);
  assert.equal(await page.textContent('nav.nav a[data-route=targets]'), 'Targets');
  assert.equal(await page.getAttribute('.lang button[data-lang=en]', 'aria-pressed'), 'true');
  await page.click('.lang button[data-lang=zh]');
  await env.ready(page);
  assert.equal(await page.textContent('nav.nav a[data-route=targets]'), '帮扶对象');
  await page.reload();
  await env.ready(page);
  assert.equal(await page.textContent('nav.nav a[data-route=units]'), '帮扶单位');
  await page.context().close();
});

test('signing out leads to the login; a page asked for then opens after signing in', async () => {
  const page = await env.page();
  await env.login(page, 'planner');
  await page.click('.who button.logout');
  await page.waitForSelector('#login-user');
  assert.equal(await page.$('nav.nav'), null);
  await page.goto(env.url + '#/units');
  await page.waitForSelector('#login-user');
  await env.login(page, 'planner');
  assert.match(page.url(), /#\/units$/);
  await page.context().close();
});

test('an ended session (401) moves to the login with a message', async () => {
  const page = await env.page();
  await env.login(page, 'auditor');
  await page.context().clearCookies();
  await page.goto(env.url + '#/targets/440881');   // the dossier asks the API for its checks
  await page.waitForSelector('#login-user');
  assert.match(await page.textContent('main'), /会话已结束/);
  await page.context().close();
});
