// tasks (重点任务): the round's catalogue of key tasks in their three domains (S11), each with
// the target classes it suits (S12), its direction (S16) and the article's wording quoted.
// The article names the domains and the count but not the twelve: a task with verified 0 is
// the project's reading (判断), marked so beside it; verified 1 is the article's (原文).
// Whoever writes tasks (the capabilities say) edits a task in a form.
import { writes } from '../can.js';
import { load } from '../model.js';
import { useCss, subnav, DOMAINS, downloads, filterBar, query, options } from './work.js';

export async function render(el, ctx, params) {
  useCss();
  const { h, mount, table } = ctx.ui;
  const { t, tv } = ctx;
  const m = await load();
  const round = params.round || (m.round ? m.round.name : '');
  const qs = query({ ...params, round }, ['round', 'q']);   // domain: filtered here (12 rows)
  const r = await ctx.api('GET', '/tasks?' + qs + (qs ? '&' : '') + 'limit=1000');
  if (!ctx.current()) return;
  const rows = r.items.filter((x) => !params.domain || x.domain === params.domain);
  const edit = writes(ctx.user, 'tasks') === 'all';
  const judged = rows.filter((x) => !Number(x.verified)).length;
  const name = (x) => (ctx.lang === 'en' && x.name_en ? x.name_en : x.name_zh);
  const tbl = table({
    sort: 'code',
    columns: [
      { key: 'code', label: t('wk.code'), sort: true },
      { key: 'domain', label: t('wk.domain'), sort: true, render: (x) => tv('wk.domain', x.domain) },
      { key: 'name', label: t('wk.task'), sort: true, value: name,
        render: (x) => [h('strong', {}, name(x)), ctx.lang === 'en' ? null : h('div', { class: 'muted small', lang: 'en' }, x.name_en)] },
      { key: 'basis', label: t('wk.basis'), value: (x) => Number(x.verified),
        render: (x) => (Number(x.verified)
          ? h('span', { class: 'basis quoted', 'data-basis': 'quoted', title: t('wk.quoted_title') }, t('wk.quoted'))
          : h('span', { class: 'basis judged', 'data-basis': 'judgement', title: t('wk.judged_title') }, t('wk.judged'))) },
      { key: 'article_wording', label: t('wk.wording'), class: 'wording',
        render: (x) => (x.article_wording ? h('q', { lang: 'zh-CN' }, x.article_wording) : '–') },
      { key: 'classes', label: t('tg.classes'),
        render: (x) => String(x.classes || '').split(';').filter(Boolean).map((c) => h('span', { class: 'tag' }, tv('class', c))) },
      { key: 'direction', label: t('wk.direction') },
      { key: 'note', label: t('tg.note'), class: 'small' },
      edit ? { key: 'edit', label: '', render: (x) => h('button', { type: 'button', 'data-action': 'edit-task',
        onclick: () => taskForm(ctx, x) }, t('wk.edit')) } : null,
    ].filter(Boolean),
    rows,
  });
  mount(el, subnav(ctx, 'tasks'),
    h('div', { class: 'page-head' }, h('h1', {}, t('wk.tasks_title')),
      h('span', { class: 'muted' }, t('wk.round', { round: round || '–' })),
      h('div', { class: 'actions' }, downloads(ctx, '/tasks' + (qs ? '?' + qs : ''), 'tasks'))),
    h('p', { class: 'muted' }, t('wk.tasks_intro')),
    judged ? h('p', { class: 'notice-judged', role: 'note', 'data-judged': judged }, t('wk.judged_note', { n: judged, total: rows.length })) : null,
    filterBar(ctx, 'tasks', { ...params, round }, [
      { key: 'round', label: t('wk.round_f'), options: m.rounds.map((x) => ({ value: x.name, label: x.name })) },
      { key: 'domain', label: t('wk.domain'), options: options(DOMAINS.map((d) => [d, tv('wk.domain', d)])) },
      { key: 'q', label: t('ui.search'), type: 'search' },
    ]),
    tbl);
}

async function taskForm(ctx, x) {
  const { t } = ctx;
  const saved = await ctx.ui.openForm({
    title: t('wk.edit_task', { code: x.code }),
    fields: [
      { name: 'name_zh', label: t('wk.name_zh'), required: true, value: x.name_zh },
      { name: 'name_en', label: t('wk.name_en'), value: x.name_en },
      { name: 'domain', label: t('wk.domain'), type: 'select', required: true, value: x.domain,
        options: DOMAINS.map((d) => ({ value: d, label: ctx.tv('wk.domain', d) })) },
      { name: 'article_wording', label: t('wk.wording'), type: 'textarea', value: x.article_wording },
      { name: 'classes', label: t('tg.classes'), value: x.classes, help: t('wk.classes_help') },
      { name: 'direction', label: t('wk.direction'), value: x.direction },
      { name: 'verified', label: t('wk.verified_field'), type: 'checkbox', value: x.verified, help: t('wk.verified_help') },
      { name: 'note', label: t('tg.note'), type: 'textarea', value: x.note },
    ],
    onSubmit: (v) => ctx.api('PATCH', '/tasks/' + encodeURIComponent(`${x.round},${x.code}`),
      { ...v, name_en: v.name_en ?? '', article_wording: v.article_wording ?? '', classes: v.classes ?? '', direction: v.direction ?? '', note: v.note ?? '' }),
  });
  if (saved) { ctx.ui.toast(t('wk.saved')); ctx.reload(); }
}
