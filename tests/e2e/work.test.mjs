// The groups' work in the browser (issue 11): the county user (廉江市 440881) adds a need; a
// unit of its group (U048 省统计局, the lead) commits to it from the needs list, starts it and
// later marks it delivered with evidence (a text and an uploaded file); the county confirms it
// (销号); the overview's, the dossier's and the printable summary's figures move by one, and the map coloured by
// "commitments delivered" colours 廉江市 with the count. Also: the task catalogue marks the
// split as judgement (判断) beside the article's words, an overdue commitment is marked in the
// list, money shows with thousands separators, and every list offers CSV and XLSX.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const clean = (errors) => errors.filter((e) => !/status of 40[0134]/.test(e));   // 400: the refusal asked for
const TARGET = '440881';
const TITLE = '浏览器测试：建设冷链仓储中心';

const rgb = (c) => {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  if (m) return m.slice(1).map((x) => parseInt(x, 16)).join(',');
  const n = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(c || '');
  return n ? n.slice(1, 4).join(',') : c;
};

async function fillAt(page, lonlat) {
  return page.$eval('.map-canvas', (box, ll) => {
    const chart = window.echarts.getInstanceByDom(box);
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, ll);
    // the point into the viewport (elementFromPoint sees only it; the header's height varies
    // with its navigation entries)
    window.scrollBy(0, box.getBoundingClientRect().top + y - window.innerHeight / 2);
    const r = box.getBoundingClientRect();
    const el = document.elementFromPoint(r.left + x, r.top + y);
    return { fill: el && el.getAttribute('fill'), tag: el && el.tagName };
  }, lonlat);
}

// The value of a work card (data-value) in a section of the page.
async function cardValue(page, section, key) {
  await page.waitForSelector(`[data-section=${section}][data-ready] [data-card=wk-${key}]`);
  return Number(await page.getAttribute(`[data-section=${section}] [data-card=wk-${key}]`, 'data-value'));
}

async function figures(page) {
  await page.goto(env.url + '#/overview');
  await env.ready(page);
  const overview = { confirmed: await cardValue(page, 'work', 'confirmed'), commitments: await cardValue(page, 'work', 'commitments') };
  await page.goto(env.url + '#/targets/' + TARGET);
  await env.ready(page);
  const dossier = { confirmed: await cardValue(page, 'work', 'confirmed'), commitments: await cardValue(page, 'work', 'commitments') };
  return { overview, dossier };
}

test('a need, a commitment to it, its delivery with evidence, the county’s 销号; the figures and the map follow', async () => {
  const admin = await env.api('admin');
  const round = (await admin('GET', '/api/v1/rounds')).body.items[0].name;
  let tasks = (await admin('GET', `/api/v1/tasks?round=${round}`)).body.items;
  if (!tasks.length) {   // a database without the bundled catalogue: one task to work on
    const r = await admin('POST', '/api/v1/tasks', { round, code: 'A1', domain: 'industry', name_zh: '培育特色农业', name_en: 'Speciality farming' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    tasks = [r.body];
  }
  const task = tasks[0].code;

  const office = await env.page();
  await env.login(office, 'planner');
  const before = await figures(office);

  // the county adds its need
  const county = await env.page();
  await env.login(county, 'county');
  await county.goto(env.url + '#/needs');
  await env.ready(county);
  await county.click('[data-action=add-need]');
  const needForm = county.locator('dialog.modal form');
  assert.equal(await needForm.locator('select[name=target]').inputValue(), TARGET);
  await needForm.locator('select[name=task]').selectOption(task);
  await needForm.locator('input[name=title]').fill(TITLE);
  await needForm.locator('textarea[name=detail]').fill('年周转 5 万吨的冷库');
  await needForm.locator('select[name=priority]').selectOption('1');
  await needForm.locator('button[type=submit]').click();
  await env.ready(county);
  const needRow = county.locator('table.data tbody tr', { hasText: TITLE });
  await needRow.waitFor();
  assert.match(await needRow.textContent(), /高/);

  // the unit of its group commits to it from the needs list
  const unit = await env.page();
  await env.login(unit, 'unit');
  await unit.goto(env.url + '#/needs?target=' + TARGET);
  await env.ready(unit);
  await unit.locator('table.data tbody tr', { hasText: TITLE }).locator('[data-action=commit-need]').click();
  const cf = unit.locator('dialog.modal form');
  assert.equal(await cf.locator('select[name=target]').inputValue(), TARGET);
  assert.equal(await cf.locator('select[name=task]').inputValue(), task);
  assert.equal(await cf.locator('input[name=title]').inputValue(), TITLE);
  assert.equal(await cf.locator('select[name=unit]').count(), 0, 'a unit commits for itself');
  await cf.locator('select[name=measure]').selectOption('吨');
  await cf.locator('input[name=target_value]').fill('50000');
  await cf.locator('input[name=due]').fill('2026-11-30');
  await cf.locator('button[type=submit]').click();
  await unit.waitForFunction(() => /^#\/commitments\/\d+$/.test(location.hash));
  await env.ready(unit);
  const id = Number(unit.url().split('/').pop());
  assert.equal(await unit.getAttribute('article.commitment', 'data-status'), 'planned');

  // ... starts it, and later marks it delivered with a text and a file
  await unit.click('[data-action=start]');
  await unit.waitForSelector('article.commitment[data-status=in_progress]');
  await env.ready(unit);
  await unit.click('[data-action=deliver]');
  const df = unit.locator('dialog.modal form');
  await df.locator('input[name=delivered_value]').fill('50000');
  await df.locator('textarea[name=evidence]').fill('冷库已建成投用，验收报告见附件');
  await df.locator('input[name=file]').setInputFiles({ name: '验收报告.txt', mimeType: 'text/plain', buffer: Buffer.from('验收合格 acceptance passed\n') });
  await df.locator('button[type=submit]').click();
  await unit.waitForSelector('article.commitment[data-status=delivered]');
  await env.ready(unit);
  assert.match(await unit.textContent('[data-fact=evidence]'), /冷库已建成投用/);
  assert.equal(await unit.locator('a[data-file="验收报告.txt"]').count(), 1);
  assert.equal(await unit.locator('[data-action=confirm]').count(), 0, 'a unit does not confirm its own delivery');

  // the county confirms it (销号)
  await county.goto(env.url + '#/commitments/' + id);
  await env.ready(county);
  await county.click('[data-action=confirm]');
  await county.click('dialog.modal button.primary');
  await county.waitForSelector('article.commitment[data-status=confirmed]');
  await env.ready(county);
  assert.match(await county.textContent('[data-fact=confirmed_on]'), /\d{4}-\d{2}-\d{2}/);

  // the overview's and the dossier's figures move by one
  const after = await figures(office);
  assert.equal(after.overview.commitments, before.overview.commitments + 1);
  assert.equal(after.overview.confirmed, before.overview.confirmed + 1);
  assert.equal(after.dossier.commitments, before.dossier.commitments + 1);
  assert.equal(after.dossier.confirmed, before.dossier.confirmed + 1);
  assert.ok(await office.locator(`[data-section=work] a[href="#/commitments/${id}"]`).count() >= 1, 'the dossier lists it');

  // the printable county summary says the same, and prints without its buttons
  await office.click('[data-action=summary]');
  await env.ready(office);
  assert.match(office.url(), /#\/summary\/440881$/);
  assert.equal(Number((await office.textContent('[data-fig=confirmed]')).replace(/\D/g, '')), after.dossier.confirmed);
  assert.equal(Number((await office.textContent('[data-fig=commitments]')).replace(/\D/g, '')), after.dossier.commitments);
  assert.ok(await office.locator('[data-section=commitments] tbody tr', { hasText: TITLE }).count() >= 1);
  await office.emulateMedia({ media: 'print' });
  assert.equal(await office.isVisible('[data-action=print]'), false);
  assert.equal(await office.isVisible('header.top'), false);
  await office.emulateMedia({ media: 'screen' });

  // the map coloured by commitments delivered: 廉江市 in its legend colour, with its count
  const delivered = (await admin('GET', `/api/v1/commitments?target=${TARGET}&status=confirmed&limit=1`)).body.total +
    (await admin('GET', `/api/v1/commitments?target=${TARGET}&status=delivered&limit=1`)).body.total;
  await office.goto(env.url + '#/overview');
  await env.ready(office);
  await office.waitForSelector('.map-canvas[data-chart-ready]');
  await office.selectOption('#map-measure', 'delivered');
  await office.waitForFunction(() => document.querySelector('.map-canvas').dataset.measure === 'delivered');
  const link = office.locator(`.map-links a[data-adcode="${TARGET}"]`);
  assert.match(await link.evaluate((a) => a.parentElement.textContent), new RegExp(`廉江市 ${delivered}$`));
  const want = await link.getAttribute('data-color');
  const lj = (await admin('GET', `/api/v1/targets/${TARGET}`)).body;
  await office.locator('.map-canvas').scrollIntoViewIfNeeded();
  await office.mouse.move(0, 0);
  const at = await fillAt(office, [lj.lon, lj.lat]);
  assert.equal(at.tag, 'path');
  assert.equal(rgb(at.fill), rgb(want));
  assert.notEqual(rgb(at.fill), rgb('#e7e6e1'), 'a target, not grey');
  assert.notEqual(rgb(at.fill), rgb('#a9a9a4'), 'with data');

  for (const p of [office, county, unit]) {
    assert.deepEqual(clean(p.errors), []);
    await p.context().close();
  }
});

test('tasks marked judgement beside the article’s words; overdue marked; yuan with separators; CSV and XLSX', async () => {
  const admin = await env.api('admin');
  const unitApi = await env.api('unit');
  const round = (await admin('GET', '/api/v1/rounds')).body.items[0].name;
  const tasks = (await admin('GET', `/api/v1/tasks?round=${round}`)).body.items;
  const task = tasks[0].code;
  const page = await env.page();
  await env.login(page, 'unit');

  await page.goto(env.url + '#/tasks');
  await env.ready(page);
  assert.equal(await page.locator('table.data tbody tr').count(), tasks.length);
  assert.equal(await page.locator('[data-basis=judgement]').count(), tasks.filter((x) => !Number(x.verified)).length);
  const quoted = tasks.find((x) => x.article_wording);
  if (quoted) assert.ok(await page.locator('td.wording q', { hasText: quoted.article_wording.slice(0, 8) }).count() >= 1);

  // a commitment due in the past and still planned is overdue wherever it shows
  const c = await unitApi('POST', '/api/v1/commitments', { target: TARGET, task, title: '浏览器测试：逾期事项', measure: '个',
    target_value: 3, due: '2024-01-31' });
  assert.equal(c.status, 201, JSON.stringify(c.body));
  await page.goto(env.url + '#/commitments?target=' + TARGET + '&overdue=1');
  await env.ready(page);
  const row = page.locator('table.data tbody tr.overdue', { hasText: '浏览器测试：逾期事项' });
  assert.equal(await row.count(), 1);
  assert.equal(await row.locator('[data-overdue]').count(), 1);
  assert.equal(await page.isChecked('input[data-filter=overdue]'), true);

  // resources: an amount typed with separators is stored as integer yuan and shown with them
  await page.goto(env.url + '#/resources?target=' + TARGET);
  await env.ready(page);
  await page.click('[data-action=add-resource]');
  const rf = page.locator('dialog.modal form');
  await rf.locator('select[name=kind]').selectOption('funds');
  await rf.locator('input[name=amount]').fill('1,234,567');
  await rf.locator('select[name=target]').selectOption(TARGET);
  await rf.locator('input[name=source]').fill('浏览器测试 测试〔2026〕1号');
  await rf.locator('button[type=submit]').click();
  await env.ready(page);
  const res = page.locator('table.data tbody tr', { hasText: '浏览器测试 测试〔2026〕1号' });
  await res.waitFor();
  assert.match(await res.textContent(), /1,234,567 元/);
  const stored = (await unitApi('GET', `/api/v1/resources?target=${TARGET}&kind=funds&limit=10000`)).body.items
    .filter((r) => r.source === '浏览器测试 测试〔2026〕1号');
  assert.equal(stored.length, 1);
  assert.equal(stored[0].amount, 1234567);
  // a fraction of a yuan is refused naming the field
  await page.click('[data-action=add-resource]');
  await rf.locator('input[name=amount]').fill('12.5');
  await rf.locator('select[name=target]').selectOption(TARGET);
  await rf.locator('button[type=submit]').click();
  await page.waitForSelector('dialog.modal input[name=amount][aria-invalid=true]');
  await page.keyboard.press('Escape');

  // every list of the work offers CSV and XLSX, and the XLSX download is a spreadsheet
  for (const list of ['tasks', 'needs', 'commitments', 'resources', 'policies']) {
    await page.goto(env.url + '#/' + list);
    await env.ready(page);
    assert.equal(await page.locator('[data-download=csv]').count(), 1, list);
    assert.equal(await page.locator('[data-download=xlsx]').count(), 1, list);
  }
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-download=xlsx]')]);
  assert.equal(dl.suggestedFilename(), 'policies.xlsx');
  const bytes = await (await import('node:fs/promises')).readFile(await dl.path());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK');
  assert.deepEqual(clean(page.errors), []);
  await page.context().close();
});

test('the county sends a delivery back with its reason; the unit drops one with a reason and files a policy', async () => {
  const unitApi = await env.api('unit');
  const admin = await env.api('admin');
  const round = (await admin('GET', '/api/v1/rounds')).body.items[0].name;
  const task = (await admin('GET', `/api/v1/tasks?round=${round}`)).body.items[0].code;
  const make = async (title) => {
    const r = await unitApi('POST', '/api/v1/commitments', { target: TARGET, task, title, measure: '人次', target_value: 200, due: '2026-12-20' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body.id;
  };
  const back = await make('浏览器测试：培训 200 人次');
  assert.equal((await unitApi('PATCH', `/api/v1/commitments/${back}`, { status: 'in_progress' })).status, 200);
  assert.equal((await unitApi('PATCH', `/api/v1/commitments/${back}`, { status: 'delivered', delivered_value: 120, evidence: '培训签到表' })).status, 200);

  const county = await env.page();
  await env.login(county, 'county');
  await county.goto(env.url + '#/commitments/' + back);
  await env.ready(county);
  await county.click('[data-action=send-back]');
  await county.fill('dialog.modal textarea[name=reason]', '只完成 120 人次，请补足');
  await county.click('dialog.modal button[type=submit]');
  await county.waitForSelector('article.commitment[data-status=in_progress]');
  await env.ready(county);
  assert.match(await county.textContent('[data-reason]'), /请补足/);
  assert.equal(await county.locator('[data-action=deliver]').count(), 0, 'the county does not deliver for the unit');

  const unit = await env.page();
  await env.login(unit, 'unit');
  const drop = await make('浏览器测试：将放弃的事项');
  await unit.goto(env.url + '#/commitments/' + drop);
  await env.ready(unit);
  await unit.click('[data-action=drop]');
  await unit.click('dialog.modal button[type=submit]');          // no reason: the form asks for it
  await unit.waitForSelector('dialog.modal textarea[name=reason][aria-invalid=true]');
  await unit.fill('dialog.modal textarea[name=reason]', '县里已由其他渠道解决');
  await unit.click('dialog.modal button[type=submit]');
  await unit.waitForSelector('article.commitment[data-status=dropped]');
  await env.ready(unit);

  await unit.goto(env.url + '#/policies');
  await env.ready(unit);
  await unit.click('[data-action=add-policy]');
  const pf = unit.locator('dialog.modal form');
  await pf.locator('input[name=title]').fill('浏览器测试：关于支持廉江冷链物流的若干措施');
  await pf.locator('input[name=doc_no]').fill('测试〔2026〕7号');
  await pf.locator('select[name=targets]').selectOption([TARGET]);
  await pf.locator('select[name=tasks]').selectOption([task]);
  await pf.locator('button[type=submit]').click();
  const row = unit.locator('table.data tbody tr', { hasText: '浏览器测试：关于支持廉江冷链物流' });
  await row.waitFor();
  assert.match(await row.textContent(), /廉江市/);
  const stored = (await unitApi('GET', `/api/v1/policies?target=${TARGET}&limit=1000`)).body.items.find((p) => p.doc_no === '测试〔2026〕7号');
  assert.ok(stored, 'the policy is stored');
  assert.equal(stored.unit, 'U048');
  for (const p of [county, unit]) {
    assert.deepEqual(clean(p.errors), []);
    await p.context().close();
  }
});
