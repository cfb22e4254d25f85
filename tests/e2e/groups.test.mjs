// Groups (web/js/pages/groups.js): the list shows the 62 groups; a planner's membership editor
// previews the rule checks with a dry run: a second lead (and a group without a lead) shows as
// a new finding and goes when undone, while nothing is written; a valid change (a unit with
// free capacity added as a member) is saved in one transaction and persists.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const G = 'G2023-440881';   // 廉江市: lead U048 省统计局, members U111 and U132

async function findings(page, rule) {
  return page.$$eval(`#group-live-check li[data-rule="${rule}"].new`, (els) => els.map((e) => e.textContent));
}

// Waits until the dry run started by the last change has answered.
async function settled(page) {
  await page.waitForFunction(() => {
    const el = document.querySelector('#group-live-check');
    return el && el.dataset.state === 'done' && !el.hasAttribute('aria-busy');
  });
  await page.waitForTimeout(250);   // the debounce of the next change, if any
  await page.waitForFunction(() => document.querySelector('#group-live-check').dataset.state === 'done');
}

test('the list shows every group with its lead and the demonstration marker', async () => {
  const page = await env.page();
  await env.login(page, 'auditor');
  await page.goto(env.url + '#/groups');
  await env.ready(page);
  const rows = await page.$$eval('table.data tbody tr', (trs) => trs.length);
  assert.equal(rows, 62);
  const lj = await page.textContent(`table.data tbody tr:has(a[href="#/groups/${G}"])`);
  assert.match(lj, /廉江市/);
  assert.match(lj, /省统计局/);
  assert.ok(await page.$('table.data tbody .demo'), 'invented pairings carry the marker');
  assert.equal(await page.$('[data-action=edit]'), null);
  await page.click(`a[href="#/groups/${G}"]`);
  await env.ready(page);
  assert.match(await page.textContent('main h1'), /廉江市/);
  assert.equal(await page.$('[data-action=edit]'), null, 'an auditor gets no editor');
  await page.context().close();
});

test('planner: a second lead appears as a new finding in the dry run and goes when undone', async () => {
  const api = await env.api('planner');
  const page = await env.page();
  await env.login(page, 'planner');
  await page.goto(env.url + `#/groups/${G}`);
  await env.ready(page);
  await page.click('[data-action=edit]');
  await settled(page);
  assert.deepEqual(await findings(page, 'group-shape'), []);

  await page.selectOption('select[name="role-U111"]', 'lead');
  await settled(page);
  const two = await findings(page, 'group-shape');
  assert.equal(two.length, 1, 'one new group-shape finding');
  assert.match(two[0], /2 个牵头单位/, 'the finding is worded in Chinese');
  assert.ok(await page.$('#group-live-check [data-blocking]'), 'the editor says saving would be refused');
  assert.equal(await page.getAttribute('[data-changes]', 'data-changes'), '1');

  await page.click('tr[data-unit=U111] [data-action=undo]');
  await settled(page);
  assert.deepEqual(await findings(page, 'group-shape'), []);
  assert.equal(await page.getAttribute('[data-changes]', 'data-changes'), '0');

  // Without a lead: remove U048, then restore it.
  await page.click('tr[data-unit=U048] [data-action=remove]');
  await settled(page);
  const none = await findings(page, 'group-shape');
  assert.equal(none.length, 1);
  assert.match(none[0], /没有牵头单位/);
  await page.click('tr[data-unit=U048] [data-action=restore]');
  await settled(page);
  assert.deepEqual(await findings(page, 'group-shape'), []);

  // Changing the lead in one step: no second lead, two changes (the old lead becomes a member).
  await page.click('tr[data-unit=U132] [data-action=make-lead]');
  await settled(page);
  assert.deepEqual(await findings(page, 'group-shape'), []);
  assert.equal(await page.getAttribute('[data-changes]', 'data-changes'), '2');
  assert.equal(await page.inputValue('select[name="role-U048"]'), 'member');
  await page.click('[data-action=reset]');
  await settled(page);
  assert.equal(await page.getAttribute('[data-changes]', 'data-changes'), '0');

  // The dry runs wrote nothing.
  const m = await api('GET', `/api/v1/members?limit=1000`);
  const mine = m.body.items.filter((x) => x.group === G).map((x) => `${x.unit}:${x.role}`).sort();
  assert.deepEqual(mine, ['U048:lead', 'U111:member', 'U132:member']);
  assert.deepEqual(page.errors.filter((e) => !/status of 401/.test(e)), []);
  await page.context().close();
});

test('planner: a refused change names the rule and writes nothing', async () => {
  const api = await env.api('planner');
  const page = await env.page();
  await env.login(page, 'planner');
  await page.goto(env.url + `#/groups/${G}`);
  await env.ready(page);
  await page.click('[data-action=edit]');
  await page.selectOption('select[name="role-U132"]', 'lead');
  await settled(page);
  await page.click('[data-action=save]');
  await page.waitForSelector('.editor .form-error .error');
  assert.match(await page.textContent('.editor .form-error'), /group-shape/);
  const m = await api('GET', `/api/v1/members/${G},U132`);
  assert.equal(m.body.role, 'member');
  await page.context().close();
});

test('planner: a valid change is saved at once and persists', async () => {
  const api = await env.api('planner');
  const page = await env.page();
  await env.login(page, 'planner');
  await page.goto(env.url + `#/groups/${G}`);
  await env.ready(page);
  await page.click('[data-action=edit]');
  await page.fill('#gp-add-find', '档案');              // narrows the choice of units
  const shown = await page.$$eval('#gp-add-unit option', (o) => o.map((x) => x.value).filter(Boolean));
  assert.ok(shown.length >= 1 && shown.length < 10, `${shown.length} units match`);
  await page.fill('#gp-add-find', 'U024');
  await page.selectOption('#gp-add-unit', 'U024');   // capacity 2, assisting 1
  await page.click('[data-action=add]');
  await settled(page);
  assert.ok(await page.$('tr[data-unit=U024].st-added'));
  assert.deepEqual(await findings(page, 'capacity'), []);
  assert.equal(await page.$('#group-live-check [data-blocking]'), null);
  await page.click('[data-action=save]');
  await page.waitForSelector('#group-editor:empty', { state: 'attached' });
  await env.ready(page);
  const m = await api('GET', `/api/v1/members/${G},U024`);
  assert.equal(m.status, 200);
  assert.equal(m.body.role, 'member');
  await page.reload();
  await env.ready(page);
  assert.match(await page.textContent('section[aria-labelledby=gp-members-h]'), /U024/);
  const audit = await (await env.api('admin'))('GET', '/api/v1/audit?entity=member');
  assert.ok(audit.body.items.some((r) => r.user === 'planner' && r.action === 'create' && r.key === `${G},U024`));
  await page.context().close();
});

test('phone width: the editor is usable and labelled', async () => {
  const page = await env.page({ viewport: { width: 390, height: 844 } });
  await env.login(page, 'planner');
  await page.goto(env.url + `#/groups/${G}`);
  await env.ready(page);
  await page.click('[data-action=edit]');
  await settled(page);
  for (const sel of await page.$$('.editor select')) {
    const labelled = await sel.evaluate((s) => !!(s.getAttribute('aria-label') || (s.id && document.querySelector(`label[for="${s.id}"]`))));
    assert.ok(labelled, 'every select of the editor has a label');
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no horizontal scrolling of the page (${overflow}px)`);
  await page.context().close();
});
