// The overview, targets and units pages: the overview shows 62 of 62 targets covered and a
// map whose counties open the county dossier; what each role sees follows what the API lets it
// read (the county user sees only 廉江市, and another county's dossier is "not allowed").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const rowsOf = (page) => page.$$eval('table.data tbody tr', (trs) => trs.map((tr) => tr.textContent));
const clean = (errors) => errors.filter((e) => !/status of 40[134]/.test(e));

test('overview: 62/62 targets covered, rules and shares beside the article, a county per target on the map', async () => {
  const page = await env.page();
  await env.login(page, 'admin');
  assert.equal((await page.textContent('[data-card=coverage] .value')).trim(), '62/62');
  assert.equal((await page.textContent('[data-card=units] .value')).trim(), '156');
  await page.waitForSelector('.map-canvas[data-chart-ready]');
  assert.equal(await page.locator('.map-links a[data-adcode]').count(), 62);
  const check = (await (await env.api('auditor'))('GET', '/api/v1/check')).body;
  // the rules, rotations and shares come after the cards (their reports are asked once the
  // cards are drawn); the pending cards fill at the same time
  await page.waitForSelector('[data-section=rules][data-ready]');
  assert.equal(await page.locator('[data-card][data-pending]').count(), 0);
  assert.equal(await page.locator('[data-section=rules] li').count(), check.rules.length);
  assert.match(await page.textContent('[data-section=shares] tr[data-measure=land]'), /71\.7%/);
  assert.match(await page.textContent('[data-section=shares] tr[data-measure=population]'), /28(\.0)?%/);
  assert.match(await page.textContent('[data-section=shares] tr[data-measure=gdp]'), /12\.4%/);
  // no common year of county GDP: the row names the year and how many counties lack a figure
  assert.match(await page.textContent('[data-section=shares] tr[data-measure=gdp]'), /2022\D+4\D+57\D+53/);
  await page.waitForSelector('[data-section=shares] [data-chart-ready]');
  // the demonstration banner: the bundled pairings are illustrative
  assert.equal(await page.isVisible('#demo-banner'), true);
  // rotations due: the soonest ten, the rest on demand; as many as the card counts
  await page.waitForSelector('[data-section=rotations][data-ready]');
  const due = Number((await page.textContent('[data-card=rotations] .value')).replace(/\D/g, ''));
  const rotRows = () => page.locator('[data-section=rotations] tbody tr').count();
  assert.equal(await rotRows(), Math.max(1, Math.min(10, due)));
  if (due > 10) {
    await page.click('[data-section=rotations] button[data-more]');
    assert.equal(await rotRows(), due);
  }
  // colouring by another measure redraws the map and the legend
  await page.selectOption('#map-measure', 'population');
  assert.ok((await page.locator('.legend span').count()) >= 5);
  assert.deepEqual(clean(page.errors), []);
  await page.context().close();
});

test('overview map: the list under the map opens the county dossier', async () => {
  const page = await env.page();
  await env.login(page, 'planner');
  await page.click('.map-list summary');
  await page.click('.map-links a[data-adcode="440881"]');
  await env.ready(page);
  assert.match(page.url(), /#\/targets\/440881$/);
  assert.match(await page.textContent('main h1'), /廉江市/);
  assert.match(await page.textContent('[data-section=group]'), /省统计局/);
  const cadres = (await (await env.api('planner'))('GET', '/api/v1/cadres?target=440881')).body;
  assert.ok(cadres.total >= 2);
  assert.equal(await page.locator('[data-section=cadres] tbody tr').count(), cadres.total);
  // the list is keyboard usable too
  await page.goto(env.url + '#/overview');
  await env.ready(page);
  await page.focus('.map-list summary');
  await page.keyboard.press('Enter');
  await page.focus('.map-links a[data-adcode="440222"]');
  await page.keyboard.press('Enter');
  await env.ready(page);
  assert.match(await page.textContent('main h1'), /始兴县/);
  assert.deepEqual(clean(page.errors), []);
  await page.context().close();
});

test('dossier: indicators since the round baseline year beside the province, quality marked', async () => {
  // 台山市 (bundled, its 2022 communiqué and a 2023 profile): GDP 516.5 (2022) → 547.4 (2023),
  // +6 %; the province 129,118.58 → 135,673.16 over the same years, +5.08 %; population 898,000
  // → 893,700 (the province has no 2023 figure: –). 普宁市's 2022 GDP is an estimate.
  const page = await env.page();
  await env.login(page, 'auditor');
  await page.goto(env.url + '#/targets/440781');
  await env.ready(page);
  const panel = '[data-section=change]';
  assert.match(await page.textContent(`${panel} p`), /2022/);
  const row = (name) => page.textContent(`${panel} tr:has([data-change="${name}"])`);
  assert.match(await row('gdp'), /516\.5\s*2022/);
  assert.match(await row('gdp'), /547\.4\s*2023/);
  assert.equal((await page.textContent(`${panel} [data-change=gdp]`)).trim(), '+6%');
  await page.waitForFunction(() => document.querySelector('[data-section=change] [data-province=gdp]').textContent !== '–');
  assert.equal((await page.textContent(`${panel} [data-province=gdp]`)).trim(), '+5.08%');
  assert.equal((await page.textContent(`${panel} [data-province=pop_resident]`)).trim(), '–');
  assert.match(await page.getAttribute(`${panel} tr:has([data-change=gdp]) [data-figure=latest]`, 'title'), /S05/);
  await page.goto(env.url + '#/targets/445281');
  await env.ready(page);
  const est = `${panel} tr:has([data-province=gdp]) [data-figure=baseline]`;
  assert.equal(await page.getAttribute(est, 'data-quality'), 'estimate');
  assert.match(await page.textContent(est), /629\.5\s*2022（估算）/);
  assert.deepEqual(clean(page.errors), []);
  await page.context().close();
});

test('targets: filter by prefecture and kind, sort by a header from the keyboard', async () => {
  const page = await env.page();
  await env.login(page, 'auditor');
  await page.goto(env.url + '#/targets');
  await env.ready(page);
  assert.equal((await rowsOf(page)).length, 62);
  await page.selectOption('select[data-filter=prefecture]', '湛江市');
  const zj = await rowsOf(page);
  assert.ok(zj.length >= 4 && zj.length < 62, `湛江市 rows: ${zj.length}`);
  assert.ok(zj.every((r) => r.includes('湛江市')));
  await page.selectOption('select[data-filter=kind]', 'county_city');
  assert.ok((await rowsOf(page)).every((r) => r.includes('县级市')));
  await page.selectOption('select[data-filter=prefecture]', '');
  await page.selectOption('select[data-filter=kind]', '');
  await page.selectOption('select[data-filter=old_area]', '1');
  assert.equal((await rowsOf(page)).length, 5);
  await page.selectOption('select[data-filter=old_area]', '');
  await page.focus('th[data-key=pop] button');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('th[data-key=pop]', 'aria-sort'), 'descending');
  const pops = await page.$$eval('table.data tbody td[data-label=常住人口]', (tds) => tds.map((td) => Number(td.textContent.replace(/[^0-9]/g, '')) || 0));
  assert.equal(pops.length, 62);
  assert.deepEqual(pops, pops.slice().sort((a, b) => b - a));
  assert.ok(pops[0] > 1500000, `largest population ${pops[0]}`);
  await page.context().close();
});

test('county user: only 廉江市, its own dossier, another county is not allowed', async () => {
  const page = await env.page();
  await env.login(page, 'county');
  assert.equal(await page.locator('.map-links a[data-adcode]').count(), 1);
  assert.equal(await page.getAttribute('.map-links a[data-adcode]', 'data-adcode'), '440881');
  assert.equal(await page.$('[data-card=violations]'), null);
  await page.goto(env.url + '#/targets');
  await env.ready(page);
  const rows = await rowsOf(page);
  assert.equal(rows.length, 1);
  assert.match(rows[0], /廉江市/);
  await page.goto(env.url + '#/targets/440881');
  await env.ready(page);
  assert.match(await page.textContent('main h1'), /廉江市/);
  // /check answers every role with its own findings (capabilities.actions.check): the county
  // sees those concerning its target, not the notice that checks are hidden
  assert.match(await page.textContent('[data-section=checks]'), /相关规则问题/);
  await page.goto(env.url + '#/targets/440222');
  await env.ready(page);
  assert.match(await page.textContent('main'), /无权查看/);
  await page.goto(env.url + '#/units');
  await env.ready(page);
  assert.equal((await rowsOf(page)).length, 3);
  assert.deepEqual(clean(page.errors), []);
  await page.context().close();
});

test('unit user: its group only; units page shows capacity used', async () => {
  const page = await env.page();
  await env.login(page, 'unit');
  await page.goto(env.url + '#/units/U048');
  await env.ready(page);
  assert.match(await page.textContent('main h1'), /省统计局/);
  assert.equal(await page.getAttribute('[data-usage]', 'data-usage'), '1/1');
  assert.match(await page.textContent('[data-section=groups]'), /廉江市/);
  await page.goto(env.url + '#/targets');
  await env.ready(page);
  assert.equal((await rowsOf(page)).length, 1);
  await page.context().close();
});

test('dossier prints as a brief: no navigation, the print-only heading shows', async () => {
  const page = await env.page();
  await env.login(page, 'admin');
  await page.goto(env.url + '#/targets/440881');
  await env.ready(page);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('header.top'), false);
  assert.equal(await page.isVisible('.dossier .print-only'), true);
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  // the dossier now holds the group's work (its commitments, resources, policies: 11 commitments
  // on average in the bundled data); the one-page summary is #/summary/{adcode}
  assert.ok(pages >= 1 && pages <= 5, `the brief prints on ${pages} pages`);
  await page.context().close();
});

test('phone width (390 px): no page of the overview, targets or units scrolls sideways', async () => {
  const page = await env.page({ viewport: { width: 390, height: 844 } });
  await env.login(page, 'admin');
  for (const hash of ['#/overview', '#/targets', '#/targets/440881', '#/units', '#/units/U048']) {
    await page.goto(env.url + hash);
    await env.ready(page);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 390, `${hash} is ${wide} px wide`);
  }
  // the map scales to the width
  await page.goto(env.url + '#/overview');
  await env.ready(page);
  await page.waitForSelector('.map-canvas[data-chart-ready]');
  const box = await page.locator('.map-canvas svg').boundingBox();
  assert.ok(box.width <= 390 && box.width > 300, `map ${box.width} px`);
  await page.context().close();
});

test('after a write the pages show the new record, not the cached lists', async () => {
  const page = await env.page();
  await env.login(page, 'admin');
  await page.goto(env.url + '#/targets/440881');
  await env.ready(page);
  const note = 'e2e note ' + Date.now();
  // a write through the UI's own API module (as the editors do)
  await page.evaluate(async (n) => {
    const { api } = await import('/js/api.js');
    await api('PATCH', '/targets/440881', { note: n });
  }, note);
  await page.goto(env.url + '#/targets');
  await env.ready(page);
  await page.goto(env.url + '#/targets/440881');
  await env.ready(page);
  assert.match(await page.textContent('[data-section=facts]'), new RegExp(note));
  await page.context().close();
});
