// The live log tail: a server-sent event stream of redacted log lines, filtered in the page.
import { esc } from './format.js';

const LEVELS = { Trace: 0, Debug: 1, Information: 2, Warning: 3, Error: 4, Critical: 5 };
const MAX_LINES = 1000;
const lines = [];
let started = false;

export function startLogs() {
  if (started) return;
  started = true;
  const events = new EventSource('/dashboard/api/logs/stream');
  events.addEventListener('logs', (event) => {
    for (const line of JSON.parse(event.data)) lines.push(line);
    if (lines.length > MAX_LINES) lines.splice(0, lines.length - MAX_LINES);
    if (!document.getElementById('logs-pause').checked) draw();
  });
  for (const id of ['logs-level', 'logs-filter']) document.getElementById(id).addEventListener('input', draw);
  document.getElementById('logs-source').textContent = 'this silo · newest at the bottom';
}

function draw() {
  const minimum = Number(document.getElementById('logs-level').value);
  const filter = document.getElementById('logs-filter').value.toLowerCase();
  const box = document.getElementById('logs');
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  box.innerHTML = lines
    .filter((l) => (LEVELS[l.level] ?? 2) >= minimum && (!filter || (l.message + l.category).toLowerCase().includes(filter)))
    .map((l) => `<div class="line lvl-${esc(l.level)}"><time>${new Date(l.timestampUnixMs).toLocaleTimeString('en-GB', { hour12: false })}</time><span class="lvl">${esc(l.level.slice(0, 4))}</span><span class="cat" title="${esc(l.category)}">${esc(l.category.split('.').pop())}</span><span class="msg">${esc(l.message)}</span></div>`)
    .join('');
  if (atBottom) box.scrollTop = box.scrollHeight;
}
