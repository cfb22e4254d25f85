// The overview's county map (ECharts' map series over GET /api/v1/geo): every county-level
// unit drawn, the targets coloured by the chosen measure, the other districts grey, and a
// click on a county opens its dossier. Colours are read from the drawn SVG paths under each
// county's centroid (document.elementFromPoint), so a county left uncoloured fails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const clean = (errors) => errors.filter((e) => !/status of 40[134]/.test(e));

// The fill of the map's path under the point [lon, lat], and the point in page pixels.
async function fillAt(page, lonlat) {
  return page.$eval('.map-canvas', (box, ll) => {
    const chart = window.echarts.getInstanceByDom(box);
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, ll);
    // the point into the viewport (elementFromPoint sees only it; the header's height varies
    // with its navigation entries)
    window.scrollBy(0, box.getBoundingClientRect().top + y - window.innerHeight / 2);
    const r = box.getBoundingClientRect();
    const el = document.elementFromPoint(r.left + x, r.top + y);
    return { fill: el && el.getAttribute('fill'), x: r.left + x, y: r.top + y, tag: el && el.tagName };
  }, lonlat);
}

const rgb = (c) => {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  if (m) return m.slice(1).map((x) => parseInt(x, 16)).join(',');
  const n = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(c || '');
  return n ? n.slice(1, 4).join(',') : c;
};

test('map: every county drawn, targets coloured by the measure, others grey, a click opens the dossier', async () => {
  const api = await env.api('planner');
  const geo = (await api('GET', '/api/v1/geo')).body;
  const targets = (await api('GET', '/api/v1/targets?limit=1000')).body.items;
  assert.equal(targets.length, 62);
  const shapes = new Set(geo.features.map((f) => f.properties.adcode));
  assert.deepEqual(targets.filter((x) => !shapes.has(x.adcode)).map((x) => x.adcode), []);

  const page = await env.page();
  await env.login(page, 'planner');
  await page.waitForSelector('.map-canvas[data-chart-ready]');
  // one path per ring at least: all 123 units are drawn
  assert.ok((await page.locator('.map-canvas svg path').count()) >= geo.features.length);
  assert.equal(await page.locator('.map-links a[data-adcode]').count(), 62);

  await page.selectOption('#map-measure', 'group_size');
  await page.mouse.move(0, 0);
  const want = await page.getAttribute('.map-links a[data-adcode="440881"]', 'data-color');
  const lj = targets.find((x) => x.adcode === '440881');
  const at = await fillAt(page, [lj.lon, lj.lat]);
  assert.equal(at.tag, 'path');
  assert.equal(rgb(at.fill), rgb(want), '廉江市 is drawn in its measure colour');
  assert.notEqual(rgb(at.fill), rgb('#e7e6e1'));
  // 花都区 (Guangzhou) is no target: grey
  const huadu = geo.features.find((f) => f.properties.adcode === '440114');
  assert.ok(huadu && !targets.some((x) => x.adcode === '440114'));
  assert.equal(rgb((await fillAt(page, [113.22, 23.40])).fill), rgb('#e7e6e1'));

  // another measure recolours the county with the colour its legend entry says
  await page.selectOption('#map-measure', 'population');
  await page.waitForFunction(() => document.querySelector('.map-canvas').dataset.measure === 'population');
  const want2 = await page.getAttribute('.map-links a[data-adcode="440881"]', 'data-color');
  assert.equal(rgb((await fillAt(page, [lj.lon, lj.lat])).fill), rgb(want2));
  assert.ok((await page.locator('.legend span.sw').count()) >= 6);

  // a click on the county opens its dossier
  const now = await fillAt(page, [lj.lon, lj.lat]);
  await page.mouse.click(now.x, now.y);
  await page.waitForFunction(() => location.hash === '#/targets/440881');
  await env.ready(page);
  assert.match(await page.textContent('main h1'), /廉江市/);
  assert.deepEqual(clean(page.errors), []);
  await page.context().close();
});

test('map: the county user sees its own county coloured, the list links to its dossier', async () => {
  const page = await env.page();
  await env.login(page, 'county');
  await page.waitForSelector('.map-canvas[data-chart-ready]');
  assert.equal(await page.locator('.map-links a[data-adcode]').count(), 1);
  await page.click('.map-list summary');
  await page.click('.map-links a[data-adcode="440881"]');
  await env.ready(page);
  assert.match(page.url(), /#\/targets\/440881$/);
  assert.deepEqual(clean(page.errors), []);
  await page.context().close();
});
