// CineSync's dashboard page: polls /dashboard/api/cluster (every silo's own facts, gathered by the silo serving this
// page) and renders the totals, the 👍 share per model, the current model and one row per silo.
import { esc, num, pct, duration, time, dateTime } from './format.js';

const REFRESH_MS = 2000;
const $ = (id) => document.getElementById(id);

function table(el, columns, rows, empty) {
  const head = `<thead><tr>${columns.map((c) => `<th class="${c.num ? 'num' : ''}">${esc(c.label)}</th>`).join('')}</tr></thead>`;
  const body = rows.length ? rows.join('') : `<tr><td class="empty" colspan="${columns.length}">${esc(empty)}</td></tr>`;
  el.innerHTML = `${head}<tbody>${body}</tbody>`;
}

function kpi(id, label, value, sub = '', tone = '') {
  return `<div class="kpi ${tone}" data-kpi="${id}"><div class="label">${esc(label)}</div><div class="value">${value}</div><div class="sub">${sub}</div></div>`;
}

// The bar's width is set through the CSSOM after rendering: the page's CSP allows no inline style attributes.
const share = (v) => `<div class="share"><div class="bar"><i data-share="${v ?? 0}"></i></div><span>${pct(v, 0)}</span></div>`;

function sizeBars() {
  for (const bar of document.querySelectorAll('i[data-share]')) bar.style.width = `${(Number(bar.dataset.share) * 100).toFixed(1)}%`;
}

const minutes = (seconds) => (seconds >= 90 ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds)} s`);

// Training stores validation quality (NDCG per model, when it tuned) and training time per model (train_seconds_*).
const TIMING = 'train_seconds_';

function modelInfo(model) {
  const entries = Object.entries(model.offlineMetrics).sort(([a], [b]) => a.localeCompare(b));
  const quality = entries.filter(([k]) => !k.startsWith(TIMING));
  const timings = entries.filter(([k]) => k.startsWith(TIMING));
  const rows = (list, name, value) => list.map(([k, v]) => `<tr data-metric="${esc(k)}"><td>${esc(name(k))}</td><td class="num">${value(v)}</td></tr>`).join('');
  return `<dl class="facts"><dt>Version</dt><dd><b>${esc(model.label)}</b> <span class="muted">#${model.version}</span></dd>
      <dt>Trained</dt><dd>${esc(dateTime(model.trainedAt))}</dd>
      <dt>Titles</dt><dd>${num(model.titles)}</dd>
      <dt>Served by</dt><dd>${model.servedBy.map((s) => `<span class="chip">${esc(s)}</span>`).join(' ')}</dd></dl>
    <div id="metrics">
    ${quality.length
      ? `<table class="compact"><thead><tr><th>Offline metric</th><th class="num">Value</th></tr></thead><tbody>${rows(quality, (k) => k, (v) => v.toFixed(4))}</tbody></table>`
      : '<p class="muted">No offline evaluation stored with this model: it was trained without tuning. Training with the <code>train</code> command evaluates it on a validation split.</p>'}
    ${timings.length
      ? `<table class="compact"><thead><tr><th>Training time</th><th class="num">Seconds</th></tr></thead><tbody>${rows(timings, (k) => k.slice(TIMING.length), (v) => v.toFixed(2))}</tbody></table>`
      : ''}
    </div>`;
}

function render(view) {
  const t = view.totals;
  const window = t.windowSeconds > 0 ? `in the last ${minutes(t.windowSeconds)}` : '';
  const model = view.currentModel;
  const mixed = view.modelVersions.length > 1;
  $('kpis').innerHTML = [
    kpi('ratings', 'Ratings / min', num(t.ratingsPerMinute), `<b data-field="ratings">${num(t.ratings)}</b> ratings ${window}`),
    kpi('active', 'Active users', num(t.activeUsers), 'taste grains in memory'),
    kpi('cold', 'Cold-start users', num(t.coldStartUsers), t.activeUsers ? `${pct(t.coldStartUsers / t.activeUsers, 0)} of active` : ''),
    kpi('likes', 'Like share 👍', pct(t.likeShare, 0), `${num(t.likes)} likes · ${num(t.dislikes)} dislikes ${window}`, t.likeShare != null && t.likeShare < 0.5 ? 'warn' : ''),
    kpi('model', 'Model', model ? `<span class="text">${esc(model.label)}</span>` : '<span class="text">none loaded</span>', mixed ? `cluster serves ${view.modelVersions.map(esc).join(', ')}` : model ? `served by ${model.servedBy.map(esc).join(', ')}` : '', mixed ? 'warn' : ''),
    kpi('failures', 'Failed calls', num(t.failures), `${num(t.refusals)} refused inputs (unknown titles, invalid stars) ${window}, not counted as failures`, t.failures > 0 ? 'warn' : ''),
    kpi('silos', 'Silos', `${t.reachable} / ${t.silos}`, t.reachable < t.silos ? 'some silos did not answer' : 'all answering', t.reachable < t.silos ? 'bad' : ''),
  ].join('');

  $('models-window').textContent = window ? `${window} · like share = likes ÷ (likes + dislikes)` : '';
  table($('models'), [
    { label: 'Model' }, { label: 'Likes 👍', num: true }, { label: 'Dislikes 👎', num: true }, { label: 'Not interested', num: true }, { label: 'Watched', num: true }, { label: 'Like share' },
  ], view.models.map((m) => `<tr data-model="${esc(m.model)}">
    <td><b>${esc(m.model)}</b></td><td class="num">${num(m.likes)}</td><td class="num">${num(m.dislikes)}</td>
    <td class="num">${num(m.notInterested)}</td><td class="num">${num(m.watched)}</td><td>${share(m.likeShare)}</td></tr>`), 'No feedback yet in this window.');

  $('model-info').innerHTML = model ? modelInfo(model) : '<p class="muted">No model silo has loaded a model yet (it loads with the first recommendation).</p>';

  const sampled = Date.parse(view.sampledAt);
  table($('silos'), [
    { label: 'Silo' }, { label: 'Roles' }, { label: 'Model' }, { label: 'Ratings / min', num: true }, { label: 'Ratings', num: true },
    { label: 'Active users', num: true }, { label: 'Cold start', num: true }, { label: 'Likes 👍', num: true }, { label: 'Dislikes 👎', num: true }, { label: 'Like share' }, { label: 'Up' }, { label: 'Status' },
  ], view.silos.map((s) => s.reachable
    ? `<tr data-silo="${esc(s.name)}"><td><b>${esc(s.name)}</b><div class="muted">${esc(s.address)}</div></td>
        <td>${s.roles.map((r) => `<span class="chip">${esc(r)}</span>`).join(' ')}</td>
        <td data-field="model">${s.modelLabel ? esc(s.modelLabel) : '<span class="muted">–</span>'}</td>
        <td class="num" data-field="rpm">${num(s.ratingsPerMinute)}</td><td class="num" data-field="ratings">${num(s.ratings)}</td>
        <td class="num" data-field="active">${num(s.activeUsers)}</td><td class="num" data-field="cold">${num(s.coldStartUsers)}</td>
        <td class="num">${num(s.likes)}</td><td class="num">${num(s.dislikes)}</td><td>${share(s.likeShare)}</td>
        <td>${duration((sampled - Date.parse(s.startedAt)) / 1000)}</td><td><span class="badge active">answering</span></td></tr>`
    : `<tr class="unreachable" data-silo="${esc(s.name)}"><td><b>${esc(s.name)}</b><div class="muted">${esc(s.address)}</div></td>
        <td colspan="10">${esc(s.error)}</td><td><span class="badge dead">unreachable</span></td></tr>`), 'No active silo in the membership.');

  sizeBars();
  const silent = view.silos.filter((s) => !s.reachable);
  const banner = $('banner');
  banner.hidden = silent.length === 0;
  banner.textContent = silent.length ? `Not answering: ${silent.map((s) => `${s.name} (${s.error})`).join(', ')}. Totals cover the silos that answered.` : '';
}

function status(live, text) {
  $('status').className = `status ${live ? 'live' : 'down'}`;
  $('status-text').textContent = text;
}

async function refresh() {
  try {
    const response = await fetch('/dashboard/api/cluster', { credentials: 'same-origin', cache: 'no-store' });
    if (response.status === 401) {
      status(false, 'access token needed');
      const banner = $('banner');
      banner.hidden = false;
      banner.textContent = 'This dashboard needs its access token: open /dashboard/?token=<token> once.';
      return;
    }

    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const view = await response.json();
    render(view);
    status(true, `updated ${time(view.sampledAt)}`);
  } catch (error) {
    status(false, `no answer (${error.message})`);
  } finally {
    setTimeout(refresh, REFRESH_MS);
  }
}

refresh();
