// Cadres (web/js/pages/cadres.js, web/js/timeline.js): a unit user (U048 省统计局) adds a cadre
// through the form: an error of the API shows next to the field it names, and once corrected
// the cadre is saved and found in the roster; the roster filters; the rotation timeline draws
// one bar per cadre with today's line; invented cadres carry the demonstration marker; a
// county has no add button.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('unit U048 adds a cadre: the API error shows by its field, then it is in the roster', async () => {
  const page = await env.page();
  await env.login(page, 'unit');
  await page.goto(env.url + '#/cadres');
  await env.ready(page);
  const before = await page.$$eval('.cadre-view table.data tbody tr', (t) => t.length);
  await page.click('[data-action=add-cadre]');
  const form = 'dialog.modal form';
  await page.waitForSelector(form);
  // every field of the form is labelled
  const unlabelled = await page.$$eval(`${form} input, ${form} select, ${form} textarea`,
    (els) => els.filter((e) => !document.querySelector(`label[for="${e.id}"]`)).map((e) => e.name));
  assert.deepEqual(unlabelled, []);
  // the unit is fixed to the user's own
  assert.deepEqual(await page.$$eval(`${form} select[name=unit] option`, (o) => o.map((x) => x.value).filter(Boolean)), ['U048']);
  await page.fill(`${form} [name=id]`, 'C9001');
  await page.fill(`${form} [name=name]`, '黄测试');
  await page.selectOption(`${form} [name=group]`, 'G2023-440881');
  await page.selectOption(`${form} [name=rank]`, 'section');
  await page.fill(`${form} [name=post]`, '市统计局副局长');
  await page.fill(`${form} [name=start]`, '2026-03-01');
  await page.fill(`${form} [name=planned_end]`, '2025-12-31');   // before the start: refused
  await page.click(`${form} button[type=submit]`);
  await page.waitForSelector(`${form} [name=planned_end][aria-invalid=true]`);
  assert.match(await page.textContent(`${form} [data-field=planned_end] .field-msg`), /planned_end/);
  assert.equal((await (await env.api('admin'))('GET', '/api/v1/cadres/C9001')).status, 404);

  await page.fill(`${form} [name=planned_end]`, '2029-02-28');
  await page.click(`${form} button[type=submit]`);
  await page.waitForFunction(() => location.hash === '#/cadres/C9001');
  await env.ready(page);
  assert.match(await page.textContent('main h1'), /黄测试/);
  // its own cadre can be edited
  await page.click('[data-action=edit-cadre]');
  await page.waitForSelector(`${form} [name=post]`);
  assert.equal(await page.$(`${form} [name=id]`), null, 'the key is not offered for change');
  await page.fill(`${form} [name=post]`, '市统计局局长助理');
  await page.click(`${form} button[type=submit]`);
  await page.waitForFunction(() => /局长助理/.test(document.querySelector('main').textContent));
  await env.ready(page);

  await page.goto(env.url + '#/cadres');
  await env.ready(page);
  await page.fill('[data-filter=q]', '黄测试');
  const rows = await page.$$eval('.cadre-view table.data tbody tr', (t) => t.map((r) => r.textContent));
  assert.equal(rows.length, 1);
  assert.match(rows[0], /黄测试.*市统计局局长助理/);
  await page.fill('[data-filter=q]', '');
  assert.equal(await page.$$eval('.cadre-view table.data tbody tr', (t) => t.length), before + 1);

  const api = await env.api('admin');
  const c = await api('GET', '/api/v1/cadres/C9001');
  assert.equal(c.body.unit, 'U048');
  assert.equal(c.body.verified, 0, 'only the office (admin, planner) verifies a cadre');
  assert.deepEqual(page.errors.filter((e) => !/status of 40[01]/.test(e)), []);
  await page.context().close();
});

test('the roster filters and the timeline draws the selection with today and the markers', async () => {
  const page = await env.page();
  await env.login(page, 'admin');
  await page.goto(env.url + '#/cadres');
  await env.ready(page);
  const all = await page.$$eval('.cadre-view table.data tbody tr', (t) => t.length);
  assert.ok(all >= 196);
  assert.ok(await page.$('.cadre-view table.data tbody .demo'), 'invented cadres carry the marker');
  await page.selectOption('[data-filter=rank]', 'division');
  const div = await page.$$eval('.cadre-view table.data tbody tr', (t) => t.map((r) => r.textContent));
  assert.ok(div.length > 50 && div.length < all);
  assert.ok(div.every((r) => /处级/.test(r)));
  await page.selectOption('[data-filter=rank]', '');
  await page.selectOption('[data-filter=target]', '441224');   // 怀集县: a rotation with a predecessor
  await page.click('[data-view=timeline]');
  await page.waitForSelector('svg.timeline');
  const bars = await page.$$eval('svg.timeline a.tl-row', (a) => a.map((x) => x.dataset.cadre));
  const rows = await (await env.api('admin'))('GET', '/api/v1/cadres?target=441224&limit=1000');
  assert.deepEqual(bars.sort(), rows.body.items.map((c) => c.id).sort());
  assert.ok(await page.$('svg.timeline .tl-today line'));
  assert.ok(await page.$('svg.timeline [data-link]'), 'a predecessor is joined to its successor');
  assert.ok(await page.$('svg.timeline .tl-demo'), 'invented cadres are marked in the timeline');
  assert.ok(await page.isVisible('#demo-banner'));
  // a selection too large to draw is cut, and says so
  await page.evaluate(() => sessionStorage.setItem('bangfu.timelineMax', '20'));
  await page.selectOption('[data-filter=target]', '');
  assert.ok(await page.$('[data-cut]'));
  assert.equal(await page.$$eval('svg.timeline a.tl-row', (a) => a.length), 20);
  await page.evaluate(() => sessionStorage.removeItem('bangfu.timelineMax'));
  await page.selectOption('[data-filter=target]', '441224');
  assert.equal(await page.$('[data-cut]'), null);
  // a bar is a link to the cadre, reached with the keyboard
  await page.focus('svg.timeline a.tl-row[data-cadre="C0076"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/cadres/C0076');
  await env.ready(page);
  assert.match(await page.textContent('main'), /C0075/);   // its predecessor
  await page.context().close();
});

test('a county reads its cadres but has no add button', async () => {
  const page = await env.page();
  await env.login(page, 'county');
  await page.goto(env.url + '#/cadres');
  await env.ready(page);
  assert.equal(await page.$('[data-action=add-cadre]'), null);
  const n = await page.$$eval('.cadre-view table.data tbody tr', (t) => t.length);
  assert.ok(n >= 4 && n < 20, `only its own target's cadres (${n})`);
  await page.context().close();
});

test('phone width: the pages of cadres, checks and data do not scroll sideways', async () => {
  const page = await env.page({ viewport: { width: 390, height: 844 } });
  await env.login(page, 'admin');
  for (const hash of ['#/groups', '#/cadres', '#/cadres?view=timeline', '#/cadres/C0092', '#/checks?as_of=2027-03-01',
    '#/data', '#/data?tab=export', '#/data?tab=users', '#/data?tab=audit']) {
    await page.goto(env.url + hash);
    await env.ready(page);
    const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(over <= 1, `${hash}: the page is ${over}px wider than the phone`);
  }
  await page.context().close();
});
