// The assessment page (#/assessments, docs/cycle.md): the office creates the year's
// assessments of the round's groups with the page's button, sees each group with the evidence
// bangfu counts beside it, grades 廉江市's group with a comment (the evidence is frozen); the
// group's unit and its county read their own only, without the office's buttons; the auditor
// reads all and writes nothing; CSV and XLSX download the list. What each sees comes from the
// session's capabilities (capabilities.assessments), never a role name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const GROUP = 'G2023-440881';
// the session asked before signing in answers 401: not an error of the page
const clean = (errors) => errors.filter((e) => !/status of 401/.test(e));

test('the office creates and grades; unit and county read their own; CSV and XLSX', async () => {
  const office = await env.page();
  await env.login(office, 'planner');
  await office.goto(env.url + '#/assessments');
  await env.ready(office);
  assert.ok(await office.locator('[data-empty]').count(), 'no assessments yet');
  await office.click('[data-action=create-assessments]');
  const cf = office.locator('dialog.modal form');
  await cf.locator('select[name=kind]').selectOption('year');
  await cf.locator('select[name=year]').selectOption('2025');
  await cf.locator('button[type=submit]').click();
  await env.ready(office);
  const row = office.locator('table.data tbody tr', { hasText: GROUP });
  await row.waitFor();
  assert.equal(await office.locator('[data-total]').getAttribute('data-total'), '62');
  assert.equal(await row.locator('[data-grade]').getAttribute('data-grade'), '');
  assert.equal(await row.locator('[data-frozen]').getAttribute('data-frozen'), '0');
  // the evidence beside it is the API's for the same assessment
  const api = await env.api('planner');
  const a = (await api('GET', `/api/v1/assessments?group=${GROUP}&year=2025`)).body.items[0];
  const c = a.evidence.commitments;
  assert.equal(await row.locator('[data-commitments]').getAttribute('data-commitments'), `${c.delivered}/${c.confirmed}/${c.planned}`);
  assert.equal(await row.locator('[data-yuan]').getAttribute('data-yuan'), String(a.evidence.yuan));
  const r = a.evidence.reports;
  assert.equal(await row.locator('[data-reports]').getAttribute('data-reports'), `${r.on_time}/${r.late}/${r.missing}/${r.not_due}`);

  await row.locator('[data-action=grade]').click();
  const gf = office.locator('dialog.modal form');
  await gf.locator('select[name=grade]').selectOption('良好');
  await gf.locator('textarea[name=comment]').fill('交付按期，资源到位');
  await gf.locator('button[type=submit]').click();
  await env.ready(office);
  const graded = office.locator('table.data tbody tr', { hasText: GROUP });
  await graded.locator('[data-grade="良好"]').waitFor();
  assert.equal(await graded.locator('[data-frozen]').getAttribute('data-frozen'), '1');
  assert.match(await graded.textContent(), /交付按期，资源到位/);
  // no ranking: the grade column has no sort button
  assert.equal(await office.locator('th[data-key=grade] button.sort').count(), 0);
  for (const fmt of ['csv', 'xlsx']) {
    const [dl] = await Promise.all([office.waitForEvent('download'), office.click(`[data-download=${fmt}]`)]);
    assert.equal(dl.suggestedFilename(), `assessments.${fmt}`);
  }

  for (const role of ['unit', 'county']) {
    const page = await env.page();
    await env.login(page, role);
    await page.goto(env.url + '#/assessments');
    await env.ready(page);
    const rows = page.locator('table.data tbody tr');
    assert.equal(await rows.count(), 1, role);
    assert.match(await rows.first().textContent(), new RegExp(GROUP));
    assert.equal(await rows.first().locator('[data-grade]').getAttribute('data-grade'), '良好');
    assert.equal(await page.locator('[data-action=grade], [data-action=create-assessments]').count(), 0, role);
    assert.deepEqual(clean(page.errors), [], role);
    await page.context().close();
  }
  const auditor = await env.page();
  await env.login(auditor, 'auditor');
  await auditor.goto(env.url + '#/assessments');
  await env.ready(auditor);
  assert.equal(await auditor.locator('[data-total]').getAttribute('data-total'), '62');
  assert.equal(await auditor.locator('[data-action=grade], [data-action=create-assessments]').count(), 0);
  assert.deepEqual(clean(office.errors), []);
  await office.context().close();
  await auditor.context().close();
});
