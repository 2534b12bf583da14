// The model-quality half of the page: polls /dashboard/api/quality (offline quality, online metrics per window and per
// model and arm, experiments with their verdicts, drift, retraining runs) and posts promote/stop for an experiment.
import { esc, num, pct, dateTime } from './format.js';

const REFRESH_MS = 3000;
const $ = (id) => document.getElementById(id);
const fixed = (v, digits = 4) => (v == null || Number.isNaN(v) ? '–' : Number(v).toFixed(digits));
const OFFLINE = [['recall@10', 'Recall@10'], ['ndcg@10', 'NDCG@10'], ['coverage@10', 'Coverage@10']];

function table(el, head, rows, empty) {
  el.innerHTML = `<thead><tr>${head.map(([label, isNum]) => `<th class="${isNum ? 'num' : ''}">${esc(label)}</th>`).join('')}</tr></thead>`
    + `<tbody>${rows.length ? rows.join('') : `<tr><td class="empty" colspan="${head.length}">${esc(empty)}</td></tr>`}</tbody>`;
}

const FIGURES = [['Lists', 'lists', (f) => num(f.lists)], ['Titles shown', 'shown', (f) => num(f.titlesShown)], ['👍', 'likes', (f) => num(f.likes)],
  ['👎', 'dislikes', (f) => num(f.dislikes)], ['Like rate', 'likeRate', (f) => pct(f.likeRate)], ['Rated after', 'ratingRate', (f) => pct(f.ratingRate)],
  ['Mean rating', 'meanRating', (f) => fixed(f.meanRating, 2)], ['Coverage', 'coverage', (f) => pct(f.coverage, 2)], ['Diversity', 'diversity', (f) => fixed(f.diversity, 3)]];
const figureHead = FIGURES.map(([label]) => [label, true]);
const figureCells = (f) => FIGURES.map(([, field, value]) => `<td class="num" data-field="${field}">${value(f)}</td>`).join('');

function online(report) {
  table($('online'), [['Window'], ...figureHead], report.windows.map((w) => `<tr data-window="${esc(w.name)}"><td><b>last ${esc(w.name)}</b></td>${figureCells(w.total)}</tr>`), '');
  const day = report.windows.find((w) => w.name === 'day');
  table($('segments'), [['Model · arm (last day)'], ...figureHead], (day?.segments ?? []).map((s) => {
    const arm = s.arm ? ` · <span class="chip">#${s.experimentId} ${esc(s.arm)}</span>` : '';
    return `<tr data-segment="v${s.modelVersion}${s.arm ? `-${esc(s.arm)}` : ''}"><td>model v${s.modelVersion}${arm}</td>${figureCells(s.figures)}</tr>`;
  }), 'No list shown in the last day.');
  const peak = Math.max(1, ...report.trend.map((p) => p.titlesShown));
  $('trend').innerHTML = report.trend.map((p) => `<div class="hour" title="${esc(dateTime(p.start))}: ${p.titlesShown} shown, ${p.likes} liked" data-hour="${esc(p.start)}">`
    + `<i class="liked" data-height="${p.likes / peak}"></i><i data-height="${(p.titlesShown - p.likes) / peak}"></i></div>`).join('')
    || '<p class="muted">No list shown in the last 24 hours.</p>';
  for (const bar of document.querySelectorAll('#trend i[data-height]')) bar.style.height = `${(Number(bar.dataset.height) * 100).toFixed(1)}%`;
}

function offline(model) {
  $('offline-model').textContent = model.version ? `model ${model.label} (#${model.version})` : 'no model trained yet';
  const measured = OFFLINE.filter(([key]) => key in model.metrics);
  $('offline').innerHTML = measured.length
    ? `<table class="compact"><thead><tr><th>On held-out newest ratings</th><th class="num">Value</th></tr></thead><tbody>${measured.map(([key, label]) =>
      `<tr data-metric="${esc(key)}"><td>${esc(label)}</td><td class="num">${fixed(model.metrics[key])}</td></tr>`).join('')}</tbody></table>`
      + (model.metrics.evaluated_users ? `<p class="muted">${num(model.metrics.evaluated_users)} users' newest ratings, held out from the model that was scored.</p>` : '')
    : '<p class="muted" data-metric="none">Not evaluated yet: a silo validates the first model it trains, the <code>train</code> command the model it publishes, and the retraining schedule each candidate (Recall@10, NDCG@10 and coverage on held-out newest ratings).</p>';
}

function drift(report) {
  $('drift-summary').innerHTML = `<span class="badge ${esc(report.status)}" data-field="drift-status">${esc(report.status)}</span> ${num(report.recentRatings)} recent ratings vs ${num(report.referenceRatings)} in training · threshold PSI ${report.threshold}`;
  $('drift').innerHTML = report.dimensions.length
    ? `<table class="compact"><thead><tr><th>Distribution</th><th class="num">PSI</th><th>Largest shift</th></tr></thead><tbody>${report.dimensions.map((d) => {
      const top = d.buckets[0];
      return `<tr data-dimension="${esc(d.name)}" class="${d.drifted ? 'drifted' : ''}"><td>${esc(d.name)}${d.drifted ? ' <span class="badge drifted">drifted</span>' : ''}</td><td class="num">${fixed(d.psi, 3)}</td>`
        + `<td>${top ? `${esc(top.name)}: ${pct(top.reference)} → ${pct(top.recent)}` : ''}</td></tr>`;
    }).join('')}</tbody></table>`
    : '<p class="muted">Nothing to compare yet.</p>';
}

function arm(a, share) {
  return `<tr data-arm="${esc(a.arm)}"><td><b>${esc(a.arm)}</b> · model v${a.modelVersion} · ${pct(share, 0)} of users</td>${figureCells(a.figures)}</tr>`;
}

function experiments(list, actions) {
  $('experiments').innerHTML = list.length ? list.map((e) => {
    const running = e.status === 'running';
    const buttons = running && actions
      ? `<button class="promote" data-action="promote" data-id="${e.id}">Promote candidate</button><button data-action="stop" data-id="${e.id}">Stop</button>`
      : running ? '<span class="muted">promote or stop here with Dashboard:AccessToken set, or with the silo\'s experiment command</span>' : '';
    return `<section class="experiment" data-experiment="${e.id}"><header><b>#${e.id} ${esc(e.name)}</b>
        <span class="badge ${running ? 'running' : ''}" data-field="status">${esc(e.status)}</span><span class="chip">${esc(e.origin)}</span>
        <span class="muted">since ${esc(dateTime(e.startedAt))}${e.endedAt ? ` until ${esc(dateTime(e.endedAt))}` : ''}</span>${buttons}</header>
      <div class="table-wrap"><table class="compact"><thead><tr><th>Arm</th>${figureHead.map(([l]) => `<th class="num">${esc(l)}</th>`).join('')}</tr></thead>
      <tbody>${arm(e.control, 1 - e.candidateShare)}${arm(e.candidate, e.candidateShare)}</tbody></table></div>
      <p class="verdict" data-field="verdict"><b data-field="decision">${esc(e.verdict.decision)}</b> · ${esc(e.verdict.summary)}</p>
      ${e.note ? `<p class="muted">${esc(e.note)}</p>` : ''}</section>`;
  }).join('') : '<p class="muted">No experiment yet. Start one with the silo\'s <code>experiment start &lt;candidate version&gt;</code> command.</p>';
}

function retraining(runs) {
  table($('retraining'), [['Started'], ['Decision'], ['Current'], ['Candidate'], ['New ratings', true], ['Held out', true], ['What happened']],
    runs.map((r) => `<tr data-run="${esc(r.startedAt)}"><td>${esc(dateTime(r.startedAt))}</td><td data-field="decision"><span class="badge">${esc(r.decision)}</span></td>`
      + `<td>v${r.currentVersion}</td><td>${r.candidateVersion ? `v${r.candidateVersion}` : '–'}</td><td class="num">${num(r.newRatings)}</td><td class="num">${num(r.heldOut)}</td><td>${esc(r.note)}</td></tr>`),
    'No retraining yet: the schedule trains once enough new ratings arrive.');
}

function render(view) {
  for (const stale of document.querySelectorAll('[data-error]')) stale.remove();
  if (view.model) offline(view.model);
  if (view.online) online(view.online);
  if (view.drift) drift(view.drift);
  if (view.experiments) experiments(view.experiments, view.actionsEnabled);
  if (view.retraining) retraining(view.retraining);
  for (const [part, error] of Object.entries(view.errors)) {
    const target = { model: 'offline', online: 'trend', experiments: 'experiments', drift: 'drift', retraining: 'retraining' }[part];
    if (target) $(target).insertAdjacentHTML('beforebegin', `<p class="muted" data-error="${esc(part)}">${esc(part)}: ${esc(error)}</p>`);
  }
}

function say(text) {
  const message = $('experiment-message');
  message.hidden = !text;
  message.textContent = text ?? '';
}

async function act(action, id) {
  if (!window.confirm(action === 'promote' ? `Make experiment #${id}'s candidate the current model for everyone?` : `Stop experiment #${id}? Everyone gets the current model.`)) return;
  const response = await fetch(`/dashboard/api/experiments/${id}/${action}`, { method: 'POST', credentials: 'same-origin', cache: 'no-store' });
  const body = await response.json().catch(() => ({}));
  say(response.ok ? `Experiment #${id} ${body.experiment.status}.` : (body.error ?? `HTTP ${response.status}`));
  await refresh(false);
}

$('experiments').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-action]');
  if (button) act(button.dataset.action, Number(button.dataset.id));
});

async function refresh(again = true) {
  try {
    const response = await fetch('/dashboard/api/quality', { credentials: 'same-origin', cache: 'no-store' });
    if (response.ok) render(await response.json());
  } catch {
    // The status light is app.js's; this half simply tries again.
  } finally {
    if (again) setTimeout(refresh, REFRESH_MS);
  }
}

refresh();
