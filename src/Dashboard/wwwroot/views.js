// Renders each page from the latest cluster snapshot and the client-side 15-minute history.
import { lineChart, legend } from './charts.js';
import { esc, num, ms, pct, bytes, duration, tick } from './format.js';

const COLOR = { calls: '#2563eb', errors: '#dc2626', mean: '#0891b2', p99: '#ea580c', activations: '#7c3aed', cpu: '#16a34a', ratings: '#db2777' };
const PALETTE = ['#2563eb', '#ea580c', '#16a34a', '#7c3aed', '#db2777', '#0891b2', '#ca8a04', '#64748b'];
const $ = (id) => document.getElementById(id);

function kpis(container, items) {
  container.innerHTML = items.map((k) => `
    <div class="kpi ${k.tone ?? ''}" data-kpi="${k.id}">
      <div class="label">${esc(k.label)}</div>
      <div class="value">${esc(k.value)}</div>
      <div class="sub">${esc(k.sub ?? '')}</div>
    </div>`).join('');
}

function chart(id, legendId, history, series, format = tick) {
  const end = history.start + history.columns.callsPerSecond.length - 1;
  lineChart($(id), { start: history.start, end, series, format });
  legend($(legendId), series, series.map((s) => format(lastValue(s.values))));
}

function lastValue(values) {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] != null) return values[i];
  return 0;
}

function table(node, headers, rows) {
  node.innerHTML = `<thead><tr>${headers.map((h) => `<th class="${h.num ? 'num' : ''}"${h.key ? ` data-key="${h.key}"` : ''}>${esc(h.label)}${h.arrow ?? ''}</th>`).join('')}</tr></thead>
    <tbody>${rows.length ? rows.join('') : `<tr><td colspan="${headers.length}" class="empty">no data yet</td></tr>`}</tbody>`;
}

export function renderOverview({ snapshot, history }) {
  const t = snapshot.totals;
  const up = snapshot.silos.filter((s) => s.reachable).length;
  kpis($('overview-kpis'), [
    { id: 'silos', label: 'Silos up', value: `${up} / ${snapshot.silos.length}`, tone: up < snapshot.silos.length ? 'warn' : '' },
    { id: 'activations', label: 'Activations', value: num(snapshot.activations), sub: `${snapshot.grainTypes.length} grain types` },
    { id: 'calls', label: 'Calls / s', value: num(t.callsPerSecond), sub: `10 s avg · ${num(t.totalCalls)} total` },
    { id: 'errors', label: 'Error rate', value: pct(t.errorRate, 2), sub: `${num(t.errorsPerSecond)} errors / s`, tone: t.errorRate > 0.01 ? 'bad' : '' },
    { id: 'mean', label: 'Mean latency', value: ms(t.meanLatencyMs), sub: `p50 ${ms(t.p50LatencyMs)}` },
    { id: 'p99', label: 'p99 latency', value: ms(t.p99LatencyMs), sub: 'last 10 s' },
  ]);
  if (history) {
    const c = history.columns;
    chart('chart-calls', 'legend-calls', history, [
      { name: 'calls/s', color: COLOR.calls, values: c.callsPerSecond, area: true },
      { name: 'errors/s', color: COLOR.errors, values: c.errorsPerSecond },
    ]);
    chart('chart-latency', 'legend-latency', history, [
      { name: 'mean', color: COLOR.mean, values: c.meanLatencyMs },
      { name: 'p99', color: COLOR.p99, values: c.p99LatencyMs },
    ]);
    chart('chart-activations', 'legend-activations', history, [{ name: 'activations', color: COLOR.activations, values: c.activations, area: true }]);
    chart('chart-cpu', 'legend-cpu', history, [{ name: 'CPU %', color: COLOR.cpu, values: c.cpuPercent, area: true }]);
  }
  table($('silos'), [
    { label: 'Silo' }, { label: 'Status' }, { label: 'Roles' }, { label: 'Uptime', num: true }, { label: 'CPU', num: true },
    { label: 'Memory (GC heap)', num: true }, { label: 'Activations', num: true }, { label: 'Calls / s', num: true },
  ], snapshot.silos.map((s) => `<tr class="${s.reachable ? '' : 'unreachable'}">
    <td><b>${esc(s.name)}</b><div class="muted">${esc(s.address)}</div></td>
    <td><span class="badge ${s.reachable ? esc(s.status.toLowerCase()) : 'dead'}">${esc(s.reachable ? s.status : 'unreachable')}</span>${s.error ? `<div class="muted">${esc(s.error)}</div>` : ''}</td>
    <td>${s.roles.length ? s.roles.map((r) => `<span class="chip">${esc(r)}</span>`).join(' ') : '<span class="muted">—</span>'}</td>
    <td class="num">${duration(s.uptimeSeconds)}</td>
    <td class="num">${s.reachable ? s.cpuPercent.toFixed(1) + ' %' : '–'}</td>
    <td class="num">${s.reachable ? `${bytes(s.workingSetBytes)} <span class="muted">(${bytes(s.gcHeapBytes)})</span>` : '–'}</td>
    <td class="num">${s.reachable ? num(s.activations) : '–'}</td>
    <td class="num">${s.reachable ? num(s.callsPerSecond) : '–'}</td></tr>`));
}

export function renderGrains({ snapshot, history }) {
  if (history) {
    const top = Object.entries(history.byType)
      .map(([name, values]) => ({ name, values, recent: values.slice(-60).reduce((a, v) => a + (v ?? 0), 0) }))
      .sort((a, b) => b.recent - a.recent || a.name.localeCompare(b.name))
      .slice(0, PALETTE.length)
      .map((s, i) => ({ ...s, color: PALETTE[i] }));
    chart('chart-grains', 'legend-grains', history, top);
  }
  table($('grains'), [
    { label: 'Grain type' }, { label: 'Activations', num: true }, { label: 'Per silo' }, { label: 'Calls / s', num: true },
    { label: 'Errors / s', num: true }, { label: 'Error rate', num: true }, { label: 'Mean', num: true }, { label: 'p99', num: true }, { label: 'Total calls', num: true },
  ], snapshot.grainTypes.map((g) => `<tr>
    <td><b>${esc(g.grainType)}</b></td>
    <td class="num">${num(g.activations)}</td>
    <td>${Object.entries(g.activationsBySilo).map(([silo, n]) => `<span class="chip">${esc(silo)} ${num(n)}</span>`).join(' ')}</td>
    <td class="num">${num(g.traffic.callsPerSecond)}</td>
    <td class="num">${num(g.traffic.errorsPerSecond)}</td>
    <td class="num ${g.traffic.errorRate > 0.01 ? 'bad' : ''}">${pct(g.traffic.errorRate, 2)}</td>
    <td class="num">${ms(g.traffic.meanLatencyMs)}</td>
    <td class="num">${ms(g.traffic.p99LatencyMs)}</td>
    <td class="num">${num(g.traffic.totalCalls)}</td></tr>`));
}

const METHOD_COLUMNS = [
  { key: 'grainType', label: 'Grain type', get: (m) => m.grainType, text: true },
  { key: 'method', label: 'Method', get: (m) => m.method, text: true },
  { key: 'callsPerSecond', label: 'Calls / s', get: (m) => m.traffic.callsPerSecond, show: num },
  { key: 'totalCalls', label: 'Total calls', get: (m) => m.traffic.totalCalls, show: num },
  { key: 'errorsPerSecond', label: 'Errors / s', get: (m) => m.traffic.errorsPerSecond, show: num },
  { key: 'errorRate', label: 'Error rate', get: (m) => m.traffic.errorRate, show: (v) => pct(v, 2) },
  { key: 'meanLatencyMs', label: 'Mean', get: (m) => m.traffic.meanLatencyMs ?? -1, show: (v) => ms(v < 0 ? null : v) },
  { key: 'p50LatencyMs', label: 'p50', get: (m) => m.traffic.p50LatencyMs ?? -1, show: (v) => ms(v < 0 ? null : v) },
  { key: 'p99LatencyMs', label: 'p99', get: (m) => m.traffic.p99LatencyMs ?? -1, show: (v) => ms(v < 0 ? null : v) },
];

export function renderMethods({ snapshot, methodSort, methodFilter }) {
  const column = METHOD_COLUMNS.find((c) => c.key === methodSort.key) ?? METHOD_COLUMNS[2];
  const rows = snapshot.methods
    .filter((m) => !methodFilter || `${m.grainType}.${m.method}`.toLowerCase().includes(methodFilter))
    .sort((a, b) => {
      const x = column.get(a), y = column.get(b);
      return (column.text ? String(x).localeCompare(String(y)) : x - y) * methodSort.dir;
    });
  table($('methods'), METHOD_COLUMNS.map((c) => ({
    key: c.key, label: c.label, num: !c.text, arrow: c.key === methodSort.key ? (methodSort.dir < 0 ? ' ▾' : ' ▴') : '',
  })), rows.map((m) => `<tr>${METHOD_COLUMNS.map((c) => `<td class="${c.text ? '' : 'num'}">${c.text ? esc(c.get(m)) : c.show(c.get(m))}</td>`).join('')}</tr>`));
}

export function bindMethodSorting(state, render) {
  $('methods').addEventListener('click', (event) => {
    const key = event.target.closest('th')?.dataset.key;
    if (!key) return;
    const text = METHOD_COLUMNS.find((c) => c.key === key)?.text;
    state.methodSort = state.methodSort.key === key ? { key, dir: -state.methodSort.dir } : { key, dir: text ? 1 : -1 };
    render();
  });
}

export function renderRecommendations({ snapshot, history }) {
  const r = snapshot.recommendations;
  const model = r.model;
  kpis($('rec-kpis'), [
    { id: 'ratings-per-minute', label: 'Ratings / min', value: num(r.ratingsPerMinute), sub: `${num(r.totalRatings)} since start` },
    { id: 'active-users', label: 'Active users', value: num(r.activeUsers) },
    { id: 'cold-start', label: 'Cold-start users', value: pct(r.coldStartShare), sub: `${num(r.coldStartUsers)} users` },
    { id: 'model', label: 'Model version', value: model ? model.version : 'none loaded', sub: r.modelVersions.length > 1 ? `cluster runs ${r.modelVersions.join(', ')}` : '', tone: r.modelVersions.length > 1 ? 'warn' : '' },
  ]);
  if (history) {
    const perSecond = history.columns.ratingsPerSecond;
    // The same figure as the KPI: the rate over the last minute (or what exists of it), per minute.
    const perMinute = perSecond.map((_, i) => {
      let sum = 0, seen = 0;
      for (let j = Math.max(0, i - 59); j <= i; j++) if (perSecond[j] != null) { sum += perSecond[j]; seen++; }
      return seen ? (sum / seen) * 60 : null;
    });
    chart('chart-ratings', 'legend-ratings', history, [{ name: 'ratings / min (last minute)', color: COLOR.ratings, values: perMinute, area: true }]);
  }
  table($('models'), [
    { label: 'Model' }, { label: 'Likes', num: true }, { label: 'Dislikes', num: true }, { label: 'Not interested', num: true }, { label: 'Watched', num: true }, { label: 'Like share' },
  ], r.models.map((m) => `<tr>
    <td><b>${esc(m.model)}</b></td><td class="num">${num(m.likes)}</td><td class="num">${num(m.dislikes)}</td>
    <td class="num">${num(m.notInterested)}</td><td class="num">${num(m.watched)}</td>
    <td><div class="share"><div class="bar"><i style="width:${((m.likeShare ?? 0) * 100).toFixed(1)}%"></i></div><span>${pct(m.likeShare, 0)}</span></div></td></tr>`));
  $('model-info').innerHTML = model
    ? `<dl class="facts"><dt>Version</dt><dd><b>${esc(model.version)}</b></dd>
        <dt>Trained</dt><dd>${model.trainedAt ? esc(new Date(model.trainedAt).toLocaleString('en-GB')) : '–'}</dd></dl>
       <table class="compact"><thead><tr><th>Offline metric</th><th class="num">Value</th></tr></thead><tbody>
       ${Object.entries(model.offlineMetrics).map(([k, v]) => `<tr><td>${esc(k)}</td><td class="num">${v.toFixed(4)}</td></tr>`).join('')}</tbody></table>`
    : '<p class="muted">No model loaded on the reachable silos.</p>';
}
