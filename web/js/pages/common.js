// common: what the groups, cadres, checks and data pages share: their stylesheet, the
// reference lists (units, targets, groups) as maps, names, links to records, a cadre's state
// on a day. No API writes here.
import { nameOf } from '../i18n.js';

// The stylesheet of these pages (web/css/work.css), added to <head> once.
export function useCss() {
  if (document.querySelector('link[data-css="work"]')) return;
  const l = document.createElement('link');
  l.rel = 'stylesheet';
  l.href = '/css/work.css';
  l.dataset.css = 'work';
  document.head.append(l);
}

// {units, targets, groups}: Maps from key to record, each list as the role may read it.
export async function loadRefs(ctx, which = ['units', 'targets', 'groups']) {
  const lists = await Promise.all(which.map((w) => ctx.apiAll('/' + w)));
  const keyOf = { units: 'code', targets: 'adcode', groups: 'id', cadres: 'id', rounds: 'name' };
  const out = {};
  which.forEach((w, i) => { out[w] = new Map(lists[i].map((r) => [r[keyOf[w]], r])); });
  return out;
}

export function unitLabel(units, code) {
  const u = units && units.get(code);
  return u ? nameOf(u) : code;
}

export function targetLabel(targets, adcode) {
  const x = targets && targets.get(adcode);
  return x ? nameOf(x) : adcode;
}

// The hash of the page that shows a record: subject is target, group, unit or cadre.
export function recordHash(subject, key) {
  const path = { target: 'targets', group: 'groups', unit: 'units', cadre: 'cadres' }[subject];
  return path ? `#/${path}/${encodeURIComponent(key)}` : null;
}

// A cadre's state on day (ISO): 'before' (not started), 'on' (on post), 'left'.
export function cadreState(c, day) {
  if (c.start > day) return 'before';
  const end = c.actual_end || c.planned_end;
  return end && end < day ? 'left' : 'on';
}

// The members of every group: Map group id → [{unit, role, note}] (lead first).
export function membersByGroup(members) {
  const m = new Map();
  for (const x of members) {
    if (!m.has(x.group)) m.set(x.group, []);
    m.get(x.group).push(x);
  }
  for (const list of m.values()) list.sort((a, b) => (a.role === b.role ? a.unit.localeCompare(b.unit) : a.role === 'lead' ? -1 : 1));
  return m;
}

