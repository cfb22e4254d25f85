// inbox: what is the signed-in person's to do (GET /api/v1/inbox, docs/cycle.md): reports due,
// overdue, returned or waiting for review, commitments overdue, deliveries waiting for the
// county's confirmation, terms ending without a successor, rule findings about the unit's
// groups. Grouped by kind with the count of each; every item links to its record, in Chinese
// with the English beside it. The server decides whose items these are. The items come PAGE at
// a time in the server's order (limit, offset; `matched` counts them all), the next page on
// demand; the chips' counts are the whole inbox's, as the badge's.
import { useCss } from './common.js';

const PAGE = 100;

export async function render(el, ctx, params) {
  useCss();
  const { t, ui } = ctx;
  const { h, mount } = ui;
  const kind = /^[a-z_,]+$/.test(params.kind || '') ? params.kind : '';
  const ask = (offset) => {
    const q = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
    if (kind) q.set('kind', kind);
    return ctx.api('GET', '/inbox?' + q.toString());
  };
  const box = await ask(0);
  if (!ctx.current()) return;
  const loaded = box.items.slice();

  const kindName = (k) => {
    const it = loaded.find((x) => x.kind === k);
    return it ? [it.kind_zh, it.kind_en] : [t('ib.kind.' + k), ''];
  };
  const filters = h('nav', { class: 'filters inbox-kinds', 'aria-label': t('ib.filter') },
    h('a', { href: '#/inbox', class: ['chip', kind ? '' : 'on'], 'aria-current': kind ? null : 'page' },
      t('ib.all'), ' ', h('span', { class: 'n' }, String(box.total))),
    box.kinds.map((k) => h('a', { href: '#/inbox?kind=' + k, class: ['chip', kind === k ? 'on' : ''], 'data-kind': k,
      'aria-current': kind === k ? 'page' : null }, t('ib.kind.' + k), ' ', h('span', { class: 'n' }, String(box.counts[k] || 0)))));

  const days = (it) => {
    if (it.days === null || it.days === undefined) return null;
    const late = it.days < 0;
    return h('span', { class: ['days', late ? 'bad' : 'warn'], 'data-days': String(it.days) },
      late ? t('ib.days_over', { n: -it.days }) : t('ib.days_left', { n: it.days }));
  };
  const groupsOf = () => {
    const groups = [];
    for (const k of box.kinds) {
      const items = loaded.filter((it) => it.kind === k);
      if (!items.length) continue;
      const [zh, en] = kindName(k);
      groups.push(h('section', { class: 'panel inbox-kind', 'data-kind': k },
        h('h2', {}, zh, ' ', h('span', { class: 'muted small', lang: 'en' }, en), ' ',
          h('span', { class: 'n' }, String(box.counts[k]))),
        box.counts[k] > items.length ? h('p', { class: 'muted small' }, t('ib.more', { n: box.counts[k] - items.length })) : null,
        h('ul', { class: 'inbox-items' }, items.map((it) => h('li', { 'data-kind': it.kind, 'data-record': `${it.record.type}:${it.record.id ?? ''}` },
          h('a', { href: it.href, class: 'item-title', lang: 'zh-CN' }, it.title_zh),
          h('span', { class: 'muted small item-en', lang: 'en' }, it.title_en),
          it.due ? h('span', { class: 'due small' }, t('ib.due'), ' ', it.due, ' ') : null,
          days(it))))));
    }
    return groups;
  };
  const list = h('div', { class: 'inbox-list' });
  const note = h('p', { class: 'muted small', 'data-matched': String(box.matched ?? loaded.length) });
  const more = h('button', { type: 'button', class: 'no-print', 'data-more': '1' }, t('ib.load_more'));
  const sync = () => {
    const groups = groupsOf();
    mount(list, groups.length ? groups : ui.empty(t('ib.empty')));
    const matched = box.matched ?? loaded.length;
    note.textContent = t('ib.shown', { n: loaded.length, total: matched });
    note.setAttribute('data-shown', String(loaded.length));
    note.hidden = !loaded.length;
    more.hidden = loaded.length >= matched;
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const next = await ask(loaded.length);
      loaded.push(...next.items);
      if (!next.items.length) box.matched = loaded.length; // the inbox shrank meanwhile
    } catch (e) { ui.toast(e.message, 'bad'); }
    more.disabled = false;
    sync();
  });
  sync();
  mount(el,
    h('div', { class: 'page-head' }, h('h1', {}, t('ib.title')),
      h('span', { class: 'muted', 'data-as-of': box.as_of }, t('ib.as_of', { date: box.as_of }))),
    h('p', { class: 'muted' }, box.kinds.length ? t('ib.intro', { n: box.due_days }) : t('ib.none_kinds')),
    box.kinds.length ? filters : null,
    list, note, more);
}
