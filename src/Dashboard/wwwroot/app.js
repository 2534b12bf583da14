// The dashboard page: loads 15 minutes of history once, then follows the cluster over server-sent events.
import { WINDOW } from './charts.js';
import { time } from './format.js';
import { renderOverview, renderGrains, renderMethods, renderRecommendations, bindMethodSorting } from './views.js';
import { startLogs } from './logs.js';

const state = { snapshot: null, history: null, view: 'overview', methodSort: { key: 'callsPerSecond', dir: -1 }, methodFilter: '' };
const views = { overview: renderOverview, grains: renderGrains, methods: renderMethods, recommendations: renderRecommendations, logs: () => {} };
const COLUMNS = ['callsPerSecond', 'errorsPerSecond', 'meanLatencyMs', 'p99LatencyMs', 'activations', 'cpuPercent', 'workingSetMb', 'ratingsPerSecond'];

function fromHistory(h) {
  const columns = {};
  for (const c of COLUMNS) columns[c] = [...h[c]];
  const byType = {};
  for (const [type, values] of Object.entries(h.callsByGrainType)) byType[type] = [...values];
  return { start: h.startUnixSeconds, columns, byType };
}

function length(history) { return history.columns.callsPerSecond.length; }

// Appends the latest second to every column (all share history.start), padding a gap with nulls,
// overwriting the last point when the same second arrives again, and keeping 15 minutes.
function appendPoint(history, point) {
  if (!point || !point.unixSeconds) return;
  const before = length(history);
  if (before === 0) history.start = point.unixSeconds;
  const index = point.unixSeconds - history.start;
  if (index < before - 1) return; // older than what we have
  const put = (column, value) => {
    while (column.length < index) column.push(null);
    column[index] = value;
  };
  for (const c of COLUMNS) put(history.columns[c], point[c]);
  for (const type of Object.keys(point.callsByGrainType)) history.byType[type] ??= new Array(before).fill(null);
  for (const [type, column] of Object.entries(history.byType)) put(column, point.callsByGrainType[type] ?? 0);
  const excess = length(history) - WINDOW;
  if (excess > 0) {
    for (const c of COLUMNS) history.columns[c].splice(0, excess);
    for (const column of Object.values(history.byType)) column.splice(0, excess);
    history.start += excess;
  }
}

function render() {
  if (!state.snapshot) return;
  views[state.view](state);
  const unreachable = state.snapshot.silos.filter((s) => !s.reachable);
  const banner = document.getElementById('banner');
  banner.hidden = unreachable.length === 0;
  banner.textContent = unreachable.length
    ? `${unreachable.length} of ${state.snapshot.silos.length} silos not answering: ` + unreachable.map((s) => `${s.name} (${s.error ?? s.status})`).join(', ') + ' — figures cover the others.'
    : '';
}

function route() {
  const name = (location.hash || '#overview').slice(1);
  state.view = views[name] ? name : 'overview';
  for (const section of document.querySelectorAll('.view')) section.hidden = section.id !== `view-${state.view}`;
  for (const link of document.querySelectorAll('#nav a')) link.classList.toggle('active', link.dataset.view === state.view);
  if (state.view === 'logs') startLogs();
  render();
}

function setStatus(live, text) {
  const status = document.getElementById('status');
  status.classList.toggle('live', live);
  status.classList.toggle('down', !live);
  document.getElementById('status-text').textContent = text;
}

// The stream opens first and its points are kept until the history has arrived, so that no second falls
// between the two; a gap seen later (a missed tick, a reconnect) fetches the history again, at most every 15 s.
let pending = [];
let lastHistoryFetch = 0;

async function fetchHistory() {
  lastHistoryFetch = Date.now();
  try {
    const response = await fetch('/dashboard/api/cluster?history=true', { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const snapshot = await response.json();
    const history = fromHistory(snapshot.history);
    for (const point of pending) appendPoint(history, point);
    pending = [];
    state.history = history;
    state.snapshot ??= snapshot;
    render();
  } catch (error) {
    setStatus(false, `cannot load: ${error.message}`);
  }
}

function onSnapshot(event) {
  const snapshot = JSON.parse(event.data);
  state.snapshot = snapshot;
  if (!state.history) {
    pending.push(snapshot.point);
  } else {
    const expected = state.history.start + length(state.history);
    appendPoint(state.history, snapshot.point);
    if (snapshot.point.unixSeconds > expected && Date.now() - lastHistoryFetch > 15000) fetchHistory();
  }
  setStatus(true, `live · ${time(snapshot.sampledAtUnixMs)}`);
  render();
}

function load() {
  const events = new EventSource('/dashboard/api/stream');
  events.addEventListener('snapshot', onSnapshot);
  events.onerror = () => setStatus(false, 'disconnected — retrying');
  fetchHistory();
}

window.addEventListener('hashchange', route);
window.addEventListener('resize', render);
document.getElementById('methods-filter').addEventListener('input', (e) => { state.methodFilter = e.target.value.toLowerCase(); render(); });
bindMethodSorting(state, render);
route();
load();
