// Hand-written SVG line charts: 15 minutes of one-second points, axes, grid lines and labels.
const NS = 'http://www.w3.org/2000/svg';
const PAD = { left: 52, right: 14, top: 12, bottom: 24 };
export const WINDOW = 900;
const MIN_SPAN = 60;

function el(name, attrs, text) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

// A round grid step (1, 2, 2.5 or 5 × 10^n) giving at most five intervals up to max.
function niceStep(max) {
  if (!(max > 0)) return 0.25;
  const raw = max / 4;
  const exp = Math.pow(10, Math.floor(Math.log10(raw)));
  return [1, 2, 2.5, 5, 10].map((m) => m * exp).find((step) => step >= raw);
}

/**
 * Draws series into an <svg>. options: { end (unix s of the right edge), start (unix s of values[0]),
 * series: [{ name, color, values: (number|null)[], area }], format: y-label formatter }.
 * Each contiguous run of non-null values becomes one <polyline>.
 */
export function lineChart(svg, options) {
  const width = Math.max(240, svg.clientWidth || svg.parentNode.clientWidth || 480);
  const height = Math.max(120, svg.clientHeight || 190);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.replaceChildren();
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  // The last 15 minutes, or — on a silo that started moments ago — the last minute until more exists.
  const end = options.end;
  const span = Math.min(WINDOW, Math.max(MIN_SPAN, end - options.start + 1));
  const first = end - span + 1;
  const x = (second) => PAD.left + ((second - first) / (span - 1)) * plotW;

  let max = 0;
  for (const s of options.series) for (const v of s.values) if (v != null && v > max) max = v;
  const step = niceStep(max * 1.05);
  const intervals = Math.max(1, Math.ceil((max * 1.05) / step));
  const top = step * intervals;
  const y = (v) => PAD.top + plotH - (v / top) * plotH;
  const format = options.format || ((v) => String(v));

  // Grid lines and y labels.
  const grid = el('g', { class: 'grid' });
  for (let i = 0; i <= intervals; i++) {
    const value = step * i;
    const yy = y(value);
    grid.append(el('line', { x1: PAD.left, x2: width - PAD.right, y1: yy, y2: yy }));
    grid.append(el('text', { x: PAD.left - 6, y: yy + 4, 'text-anchor': 'end', class: 'tick' }, format(value)));
  }
  // x labels: time before now, on a round step.
  const xStep = [10, 15, 30, 60, 120, 180, 300].find((t) => span / t <= 6) ?? 300;
  for (let ago = 0; ago < span; ago += xStep) {
    const xx = x(end - ago);
    grid.append(el('line', { x1: xx, x2: xx, y1: PAD.top, y2: PAD.top + plotH, class: 'vgrid' }));
    const anchor = ago === 0 ? 'end' : xx - PAD.left < 24 ? 'start' : 'middle';
    const label = ago === 0 ? 'now' : ago < 60 ? `−${ago} s` : `−${ago / 60} min`;
    grid.append(el('text', { x: xx, y: height - 6, 'text-anchor': anchor, class: 'tick' }, label));
  }
  svg.append(grid);
  svg.append(el('line', { x1: PAD.left, x2: width - PAD.right, y1: PAD.top + plotH, y2: PAD.top + plotH, class: 'axis' }));
  svg.append(el('line', { x1: PAD.left, x2: PAD.left, y1: PAD.top, y2: PAD.top + plotH, class: 'axis' }));

  for (const s of options.series) {
    const group = el('g', { class: 'series', 'data-name': s.name });
    for (const run of runs(s.values, options.start, first)) {
      const points = run.map(([sec, v]) => `${x(sec).toFixed(1)},${y(v).toFixed(1)}`);
      if (s.area && run.length > 1) {
        const base = PAD.top + plotH;
        const area = `${x(run[0][0]).toFixed(1)},${base} ${points.join(' ')} ${x(run[run.length - 1][0]).toFixed(1)},${base}`;
        group.append(el('polygon', { points: area, fill: s.color, 'fill-opacity': 0.12, stroke: 'none' }));
      }
      if (run.length === 1) {
        const [sec, v] = run[0];
        group.append(el('circle', { cx: x(sec), cy: y(v), r: 1.8, fill: s.color }));
      }
      group.append(el('polyline', { points: points.join(' '), fill: 'none', stroke: s.color, 'stroke-width': 1.6, 'stroke-linejoin': 'round' }));
    }
    svg.append(group);
  }
}

// Splits a column into runs of consecutive non-null [second, value] pairs inside the visible window.
function runs(values, start, first) {
  const result = [];
  let current = [];
  for (let i = 0; i < values.length; i++) {
    const second = start + i;
    const v = values[i];
    if (second < first || v == null || Number.isNaN(v)) {
      if (current.length) result.push(current);
      current = [];
      continue;
    }
    current.push([second, v]);
  }
  if (current.length) result.push(current);
  return result;
}

export function legend(node, series, latest) {
  node.replaceChildren(...series.map((s, i) => {
    const item = document.createElement('span');
    item.className = 'legend-item';
    const swatch = document.createElement('i');
    swatch.style.background = s.color;
    item.append(swatch, s.name);
    if (latest) {
      const value = document.createElement('b');
      value.textContent = latest[i];
      item.append(' ', value);
    }
    return item;
  }));
}
