// app: the shell of the web UI: the session, the hash router, the navigation bar (entries
// the role may use), the signed-in user, the language switch, the demonstration-data banner.
// Pages are modules web/js/pages/<name>.js exporting `async function render(el, ctx, params)`.
import { may, reads, cycle, caps } from './can.js';
import { api, apiForm, apiAll, downloadCsv, setCsrf, onAuthLost, onWrite } from './api.js';
import { t, tv, getLang, setLang } from './i18n.js';
import * as ui from './ui.js';
import { invalidate, load } from './model.js';
import { inboxBadge } from './badge.js';

const { h, mount } = ui;

// Routes → page modules (web/js/pages/<module>.js). A detail route passes {id} in params.
//   #/login          → login.js        #/overview        → overview.js
//   #/targets        → targets.js      #/targets/{adcode} → targets.js {id: adcode}
//   #/units          → units.js        #/units/{code}     → units.js {id: code}
//   #/groups         → groups.js       #/groups/{id}      → groups.js {id}
//   #/cadres         → cadres.js       #/cadres/{id}      → cadres.js {id}
//   #/checks         → checks.js       #/data             → data.js
//   #/tasks, #/needs, #/commitments[/{id}], #/resources, #/policies → the groups' work
//   #/summary/{adcode} → summary.js (a county's printable summary)
//   #/reports[/{id}], #/periods → the reporting cycle (reports.js, periods.js)
//   #/inbox          → inbox.js (the person's to-do items; the header's badge links it)
//   #/assessments    → assessments.js (考核: the year's and the round's assessment of each group)
// action: the capability (can.js) a user needs to see the entry and open the page (none:
// every signed-in user); reads: the kind of record it must read (a server without the work's
// routes gives no such capability, and the pages stay hidden); cycle: the session must read
// the reporting cycle's reports; the API decides what each user reads, this only keeps pages a
// user cannot use out of its way. section: the pages of the groups' work share one entry of
// the bar (the pages link each other, pages/work.js), and so do the cycle's.
// part: the part of the session's capabilities beyond the records whose read it needs
// (#/assessments: capabilities.assessments.read).
// model: the page reads js/model.js (the joined record lists), fetched with the session on a
// first load so the page does not wait for its module before asking.
export const ROUTES = [
  { path: 'overview', module: 'overview', nav: 'nav.overview', model: true },
  { path: 'targets', module: 'targets', nav: 'nav.targets', detail: true, model: true },
  { path: 'units', module: 'units', nav: 'nav.units', detail: true, model: true },
  { path: 'groups', module: 'groups', nav: 'nav.groups', detail: true },
  { path: 'cadres', module: 'cadres', nav: 'nav.cadres', detail: true },
  { path: 'commitments', module: 'commitments', nav: 'nav.work', detail: true, reads: 'commitments', section: 'work' },
  { path: 'tasks', module: 'tasks', reads: 'tasks', section: 'work' },
  { path: 'needs', module: 'needs', reads: 'needs', section: 'work' },
  { path: 'resources', module: 'resources', reads: 'resources', section: 'work' },
  { path: 'policies', module: 'policies', reads: 'policies', section: 'work' },
  { path: 'summary', module: 'summary', detail: true, model: true, reads: 'commitments' },
  { path: 'reports', module: 'reports', nav: 'nav.reports', detail: true, model: true, cycle: true, section: 'cycle' },
  { path: 'periods', module: 'periods', model: true, cycle: true, section: 'cycle' },
  { path: 'assessments', module: 'assessments', nav: 'nav.assessments', part: 'assessments' },
  { path: 'checks', module: 'checks', nav: 'nav.checks', action: 'check' },
  { path: 'data', module: 'data', nav: 'nav.data' },
  { path: 'inbox', module: 'inbox' },
];

let user = null;           // {name, role, unit, target, can: the session's capabilities}
let renderSeq = 0;         // the newest navigation; older renders stop drawing
let demoShown = false;

const top = document.getElementById('top');
const main = document.getElementById('main');
const banner = document.getElementById('demo-banner');

function allowed(route) {
  return (!route.action || may(user, route.action)) && (!route.reads || reads(user, route.reads) !== 'none') &&
    (!route.cycle || cycle(user, 'read') !== 'none') &&
    (!route.part || (caps(user, route.part).read || 'none') !== 'none');
}

export function navigate(hash) {
  if (location.hash === hash) route(); else location.hash = hash;
}

// The marker of a record that is not verified (verified 0) or an indicator of quality
// 'illustrative'; null otherwise. Shows the banner of the page.
function demo(rec) {
  const illustrative = rec && (rec.verified === 0 || rec.verified === '0' || rec.quality === 'illustrative');
  if (!illustrative) return null;
  showDemoBanner();
  return h('span', { class: 'demo', title: t('demo.title') }, t('demo.mark'));
}

function showDemoBanner() {
  if (demoShown) return;
  demoShown = true;
  mount(banner, h('strong', {}, t('demo.banner_title')), ' ', t('demo.banner'));
  banner.hidden = false;
}

function header() {
  const cur = (location.hash.replace(/^#\/?/, '').split(/[/?]/)[0]) || 'overview';
  const curSection = (ROUTES.find((r) => r.path === cur) || {}).section;
  const nav = user ? h('nav', { class: 'nav', 'aria-label': t('nav.label') },
    h('ul', {}, ROUTES.filter((r) => r.nav && allowed(r)).map((r) => h('li', {},
      h('a', { href: '#/' + r.path, 'data-route': r.path, 'aria-current': r.path === cur || (r.section && r.section === curSection) ? 'page' : null }, t(r.nav)))))) : null;
  const langs = h('div', { class: 'lang', role: 'group', 'aria-label': t('lang.label') },
    [['zh', '中文'], ['en', 'English']].map(([l, label]) => h('button', {
      type: 'button', lang: l === 'zh' ? 'zh-CN' : 'en', 'data-lang': l, 'aria-pressed': String(getLang() === l),
      onclick: () => { setLang(l); document.title = t('app.title'); route(); },
    }, label)));
  const who = user ? h('div', { class: 'who' }, inboxBadge(),
    h('span', { class: 'user', 'data-user': user.name }, user.name),
    h('span', { class: 'role', 'data-role': user.role }, tv('role', user.role)),
    user.unit ? h('a', { class: 'scope', href: '#/units/' + user.unit }, user.unit) : null,
    user.target ? h('a', { class: 'scope', href: '#/targets/' + user.target }, user.target) : null,
    h('button', { type: 'button', class: 'logout', onclick: logout }, t('nav.logout'))) : null;
  mount(top,
    h('div', { class: 'brand' }, h('img', { src: '/img/icon.svg', alt: '', width: 28, height: 28 }),
      h('a', { href: user ? '#/overview' : '#/login' }, h('span', { class: 'title' }, t('app.title')),
        h('span', { class: 'subtitle' }, t('app.subtitle')))),
    nav, h('div', { class: 'right' }, who, langs));
}

async function logout() {
  try { await api('DELETE', '/session'); } catch { /* already gone */ }
  user = null;
  setCsrf(null);
  invalidate();
  navigate('#/login');
}

function parse(hash) {
  const decode = (x) => { try { return decodeURIComponent(x); } catch { return x; } };  // a stray '%'
  const parts = hash.replace(/^#\/?/, '').split('?')[0].split('/').map(decode);
  const query = Object.fromEntries(new URLSearchParams(hash.split('?')[1] || ''));
  return { name: parts[0] || '', id: parts[1], query };
}

function notYet(name) {
  return h('section', { class: 'panel notice' }, h('h1', {}, t('ui.not_yet')),
    h('p', {}, t('ui.not_yet_text', { page: name })));
}

async function route() {
  const seq = ++renderSeq;
  const { name, id, query } = parse(location.hash);
  document.documentElement.lang = getLang() === 'zh' ? 'zh-CN' : 'en';
  document.title = t('app.title');
  demoShown = false;
  banner.hidden = true;
  if (!user && name !== 'login') {
    sessionStorage.setItem('bangfu.next', location.hash || '#/overview');
    navigate('#/login');
    return;
  }
  if (user && (name === 'login' || name === '')) { navigate('#/overview'); return; }
  header();
  const r = name === 'login' ? { module: 'login' } : ROUTES.find((x) => x.path === name);
  document.title = r ? `${t('nav.' + r.module)} · ${t('app.title')}` : t('app.title');
  window.scrollTo(0, 0);
  const el = h('div', { class: 'page', 'data-page': r ? r.module : 'unknown', 'data-hash': location.hash });
  mount(main, el);
  // data-ready marks a page drawn (the browser tests wait for it); the performance mark
  // measures how long the first page took.
  const done = () => {
    if (seq !== renderSeq) return;
    el.setAttribute('data-ready', '1');
    // focus lost with the old page (a link clicked): to the new page, for keyboard and reader
    if (!document.activeElement || document.activeElement === document.body) main.focus({ preventScroll: true });
    if (!performance.getEntriesByName('bangfu:ready').length) performance.mark('bangfu:ready', { detail: r ? r.module : name });
  };
  if (!r) { mount(el, notYet(name)); done(); return; }
  if (!allowed(r)) { mount(el, ui.notAllowed()); done(); return; }
  mount(el, ui.loading());
  let mod;
  try {
    performance.mark('bangfu:import');
    mod = await import(`./pages/${r.module}.js`);
    performance.mark('bangfu:render');
  } catch (e) {
    console.warn(`page module ${r.module}:`, e);
    if (seq === renderSeq) mount(el, notYet(t('nav.' + r.module)));
    done();
    return;
  }
  if (seq !== renderSeq) return;
  const ctx = {
    api, apiForm, apiAll, downloadCsv, t, tv, lang: getLang(), user, navigate, demo, ui,
    invalidate,                         // after a write: the next model.load() refetches
    reload: () => route(),
    current: () => seq === renderSeq,   // false once the user has gone elsewhere
    signedIn: (u, csrf, can) => { user = { ...u, can }; setCsrf(csrf); invalidate(); },
  };
  try {
    await mod.render(el, ctx, { id, ...query });
    done();
  } catch (e) {
    if (seq !== renderSeq) return;
    if (e && e.status === 401) return;          // onAuthLost moves to the login
    mount(el, e && e.status === 403 ? ui.notAllowed() : ui.errorBox(e));
    done();
    if (!(e && e.status)) console.error(e);
  }
}

onWrite(() => invalidate());

onAuthLost((e) => {
  if (!user) return;
  user = null;
  setCsrf(null);
  invalidate();
  sessionStorage.setItem('bangfu.next', location.hash);
  navigate(/disabled/.test(e.message || '') ? '#/login?disabled=1' : '#/login?expired=1');
});

async function start() {
  // A page of the record lists (the overview, the first page most users see) asks for them
  // together with the session, not after it: one round trip less before it is drawn. Signed
  // out, they fail (401) and are dropped.
  // (the session asked first: the browser holds six connections, the lists must not delay it)
  const session = api('GET', '/session');
  const first = ROUTES.find((r) => r.path === (parse(location.hash).name || 'overview'));
  if (first && first.model && !first.action && !first.reads) load().catch(() => {});
  try {
    const s = await session;
    user = { ...s.user, can: s.capabilities };
    setCsrf(s.csrf);
  } catch { user = null; invalidate(); }
  window.addEventListener('hashchange', route);
  await route();
}

start();
