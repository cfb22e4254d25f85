// tests/e2e/screenshots.mjs: `make screenshots` saves docs/screenshots/<page>.png at 1366×768
// (and a phone-width and an English overview), signed in as admin on a fresh bundled database,
// with the harness of the browser tests (lib.mjs). BANGFU_BIN names the binary.
import { setup, screenshot } from './lib.mjs';
import { groupsEditor, importPreview, cycleReports } from './screens-pages.mjs';

const PAGES = [
  ['overview', '#/overview'],
  ['targets', '#/targets'],
  ['dossier', '#/targets/440881'],
  ['units', '#/units'],
  ['unit', '#/units/U048'],
  ['groups', '#/groups/G2023-440881?edit=1', groupsEditor],
  ['group', '#/groups/G2023-440881'],
  ['cadres', '#/cadres?view=timeline'],
  ['checks', '#/checks?as_of=2026-06-30'],
  ['data', '#/data', importPreview],
  ['reports', '#/reports'],
  ['report', '#/reports/1'],
  ['periods', '#/periods'],
];

async function settle(page, env) {
  await env.ready(page);
  await page.waitForLoadState('networkidle');
  // the overview's county map draws after its boundaries and ECharts have loaded
  if (await page.$('.map-canvas')) await page.waitForSelector('.map-canvas[data-chart-ready]', { timeout: 30000 });
  await page.waitForTimeout(400);   // charts finish drawing
}

const env = await setup();
try {
  const login = await env.page();
  await login.goto(env.url + '#/login');
  await login.waitForSelector('#login-user');
  await screenshot(login, 'login');
  await cycleReports(env);   // #/reports/1 and the list show a submitted and a returned report
  const page = await env.page();
  await env.login(page, 'admin');
  for (const [name, hash, act] of PAGES) {   // act: brings the page into the state shown
    await page.goto(env.url + hash);
    await settle(page, env);
    if (act) await act(page);
    await screenshot(page, name);
    console.log(`docs/screenshots/${name}.png`);
  }
  await page.click('.lang button[data-lang=en]');
  await page.goto(env.url + '#/overview');
  await settle(page, env);
  await screenshot(page, 'overview-en');
  const phone = await env.page({ viewport: { width: 390, height: 844 } });
  await env.login(phone, 'county');
  await settle(phone, env);
  await screenshot(phone, 'overview-county-phone');
  console.log('docs/screenshots/{login,overview-en,overview-county-phone}.png');
} finally {
  await env.close();
}
