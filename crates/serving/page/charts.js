// Small SVG charts: a score as a bar, a pay range, a projected change.
// Each is an image with its figures in words (`aria-label`), and the
// figures are also written beside it: nothing is said by colour alone.

import { s } from "./dom.js";

/** A score in [0, 1] as a bar, labelled `label`. */
export function scoreBar(value, label) {
  const width = 160;
  const filled = Math.max(0, Math.min(1, value)) * width;
  return s("svg", { class: "hr-bar", viewBox: `0 0 ${width} 12`, width, height: 12, role: "img", "aria-label": label },
    s("rect", { class: "hr-bar-track", x: 0, y: 0, width, height: 12, rx: 3 }),
    s("rect", { class: "hr-bar-fill", x: 0, y: 0, width: filled.toFixed(1), height: 12, rx: 3 }));
}

/** Wage ranges (p10 to p90, the middle half boxed, the median marked),
 * one row per [name, wages], on one scale. */
export function payChart(rows, format, describe) {
  const width = 300;
  const rowHeight = 34;
  const left = 0;
  const top = Math.max(...rows.map(([, wages]) => wages.p90 || wages.p75 || wages.median || 0)) || 1;
  const x = (v) => left + (v / top) * (width - 8);
  const label = rows.map(([name, w]) => describe(name, format(w.p10), format(w.median), format(w.p90))).join(". ");
  return s("svg", { class: "hr-pay", viewBox: `0 0 ${width} ${rows.length * rowHeight}`, width, height: rows.length * rowHeight, role: "img", "aria-label": label },
    rows.map(([name, w], i) => {
      const y = i * rowHeight;
      const parts = [s("text", { x: 0, y: y + 10, class: "hr-chart-text" }, `${name}: ${format(w.median)}`)];
      if (w.p10 && w.p90) parts.push(s("line", { x1: x(w.p10), x2: x(w.p90), y1: y + 22, y2: y + 22, class: "hr-pay-range" }));
      if (w.p25 && w.p75) parts.push(s("rect", { x: x(w.p25), y: y + 16, width: Math.max(1, x(w.p75) - x(w.p25)), height: 12, class: "hr-pay-middle" }));
      if (w.median) parts.push(s("rect", { x: x(w.median) - 1.5, y: y + 13, width: 3, height: 18, class: "hr-pay-median" }));
      return parts;
    }));
}

/** A projected change in percent beside all occupations', from zero. */
export function outlookChart(mine, all, names, label) {
  const width = 300;
  const span = Math.max(Math.abs(mine), Math.abs(all), 1);
  const negative = Math.min(mine, all) < 0;
  const zero = negative ? width / 2 : 0;
  const scale = (negative ? width / 2 - 4 : width - 4) / span;
  const bar = (value, y, cls) => {
    const length = Math.abs(value) * scale;
    return s("rect", { x: value < 0 ? zero - length : zero, y, width: Math.max(1, length), height: 10, class: cls });
  };
  return s("svg", { class: "hr-outlook", viewBox: `0 0 ${width} 56`, width, height: 56, role: "img", "aria-label": label },
    s("text", { x: 0, y: 10, class: "hr-chart-text" }, names[0]),
    bar(mine, 14, mine < 0 ? "hr-outlook-down" : "hr-outlook-mine"),
    s("text", { x: 0, y: 38, class: "hr-chart-text" }, names[1]),
    bar(all, 42, "hr-outlook-all"),
    s("line", { x1: zero, x2: zero, y1: 12, y2: 56, class: "hr-axis" }));
}
