// The answer as a person reads it: paths in the order of the score they
// show, each with its route, what to learn, pay and outlook; where the
// work is; programs on the route. What the answer leaves out is said to
// be unknown.

import { h } from "./dom.js";
import { outlookChart, payChart, scoreBar } from "./charts.js";
import { count, dollars, percent, score } from "./words.js";

const SYMBOL = { STEP_STATUS_OPEN: "\u2713", STEP_STATUS_NEEDS: "\u2192", STEP_STATUS_UNKNOWN: "?" };
const SHORT = (status) => (status || "").replace("STEP_STATUS_", "");

/** The results of `answer` in `w`'s words; `programControls` is the
 * program filter, placed above the programs; `titles` names occupations
 * by their O*NET codes. */
export function renderResults(answer, w, lang, id, profileState, programControls, titles) {
  const goal = (answer.goal || "").replace(/^GOAL_/, "").toLowerCase();
  return h("section", { class: "hr-results", "aria-labelledby": `${id}-results-heading`, lang: answer.language || lang },
    h("h2", { id: `${id}-results-heading`, tabindex: "-1" }, w.resultsHeading),
    h("p", { class: "hr-goal" }, `${w.goalServed} ${w.goals[goal] || goal} `,
      answer.goalInferred ? h("span", { class: "hr-quiet" }, w.goalInferred) : null),
    h("p", { class: "hr-meaning" }, answer.scoreMeaning),
    h("h3", {}, w.paths),
    h("ol", { class: "hr-paths" }, (answer.careerPaths || []).map((path, i) => renderPath(path, i, w, lang, profileState, titles))),
    answer.weakCareerPaths ? h("p", { class: "hr-quiet" }, w.weak(answer.weakCareerPaths)) : null,
    h("h3", {}, w.settings),
    h("ol", { class: "hr-settings" }, (answer.workSettings || []).map((setting) => renderSetting(setting, w, lang))),
    h("h3", { id: `${id}-programs-heading`, tabindex: "-1" }, w.programs),
    programControls,
    (answer.programs || []).length
      ? h("ol", { class: "hr-programs" }, answer.programs.map((entry) => renderProgram(entry, w, lang)))
      : h("p", { class: "hr-empty" }, w.programsNone),
    h("p", { class: "hr-sources" }, w.sources(answer.modelVersion), " ",
      (answer.dataReleases || []).map((r) => `${r.source} (${r.release})`).join("; ")));
}

function renderPath(path, index, w, lang, profileState, titles) {
  const label = w.scoreOf(score(path.score));
  const route = [...(path.credentialSteps || []).map((step) => renderStep(step, w)),
    path.educationStep ? renderEducation(path.educationStep, w) : null].filter(Boolean);
  const gaps = (path.skillGaps || []).slice(0, 3);
  const wages = [[w.payNational, path.nationalWages]];
  if (path.stateWages && profileState) wages.push([w.payState(profileState), path.stateWages]);
  return h("li", { class: "hr-path" },
    h("article", { "aria-labelledby": `hr-path-${index}` },
      h("h4", { id: `hr-path-${index}` }, path.title),
      h("div", { class: "hr-score" }, scoreBar(path.score, label), h("span", {}, `${w.score} ${score(path.score)}`)),
      h("p", { class: "hr-move" }, w.moves[path.pathMove] || ""),
      (path.alsoCalled || []).length ? h("p", { class: "hr-quiet" }, `${w.alsoCalled} ${path.alsoCalled.slice(0, 4).join(", ")}`) : null,
      h("div", { class: "hr-columns" },
        h("div", { class: "hr-route" },
          h("h5", {}, w.route),
          route.length ? h("ul", { class: "hr-steps" }, route) : h("p", {}, w.routeNone),
          gaps.length ? [h("h5", {}, w.learn), h("ul", { class: "hr-gaps" }, gaps.map((gap) => renderGap(gap, w, titles)))] : null),
        h("div", { class: "hr-figures" },
          h("h5", {}, w.pay),
          path.nationalWages && path.nationalWages.median ? payChart(wages.filter(([, v]) => v && v.median), (v) => dollars(lang, v), w.payLabel) : null,
          h("p", { class: "hr-print-only" }, wages.filter(([, v]) => v && v.median)
            .map(([where, v]) => `${where}: ${w.payMedian} ${dollars(lang, v.median)}`).join("; ")),
          h("h5", {}, w.outlook),
          renderOutlook(path.outlook, w, lang))),
      h("details", { class: "hr-why" },
        h("summary", {}, w.why),
        h("ul", {}, (path.reasons || []).map((reason) =>
          h("li", {}, reason.explanation, reason.contribution ? h("span", { class: "hr-quiet" }, ` (${reason.contribution > 0 ? "+" : "\u2212"}${Math.abs(reason.contribution).toFixed(2)})`) : null))))));
}

function renderStep(step, w) {
  return h("li", { class: `hr-step hr-${SHORT(step.status).toLowerCase()}` },
    h("span", { class: "hr-status" }, `${SYMBOL[step.status] || ""} ${w.status[step.status] || ""}`),
    h("span", {}, step.explanation),
    (step.conditions || []).length ? h("ul", { class: "hr-conditions", "aria-label": w.conditions },
      step.conditions.map((c) => h("li", {}, `${SYMBOL[c.status] || ""} ${c.text}`))) : null);
}

function renderEducation(step, w) {
  return h("li", { class: `hr-step hr-${SHORT(step.status).toLowerCase()}` },
    h("span", { class: "hr-status" }, `${SYMBOL[step.status] || ""} ${w.status[step.status] || ""}`),
    h("span", {}, step.explanation));
}

/** Who vouches for a level: a credential's code, or the occupation the
 * person works in (its O*NET code, named by its title). */
function vouched(by, w, titles) {
  return titles[by] ? w.vouchedWork(titles[by]) : w.vouched(by);
}

function renderGap(gap, w, titles) {
  const now = gap.current === undefined ? w.notStated : gap.current.toFixed(2);
  return h("li", {}, h("strong", {}, gap.skillName), ` \u2014 ${w.now} ${now}`,
    gap.vouchedBy ? ` ${vouched(gap.vouchedBy, w, titles)}` : "", `; ${w.typical} ${gap.typical.toFixed(2)}`);
}

function renderOutlook(outlook, w, lang) {
  if (!outlook || outlook.changePercent === undefined) return h("p", {}, w.outlookNone);
  const mine = percent(lang, outlook.changePercent);
  const all = percent(lang, outlook.allOccupationsChangePercent ?? 0);
  const trend = w.trends[outlook.trend] || "";
  return [
    outlookChart(outlook.changePercent, outlook.allOccupationsChangePercent ?? 0, [`${w.thisJob} ${mine}`, `${w.allJobs} ${all}`], w.outlookLabel(mine, all)),
    h("p", { class: outlook.trend === "OUTLOOK_TREND_DECLINE" ? "hr-decline" : "" },
      h("strong", {}, trend), `: ${mine}`,
      outlook.openingsPerYear !== undefined ? `; ${w.openings(count(lang, outlook.openingsPerYear))}` : ""),
  ];
}

function renderSetting(setting, w, lang) {
  const first = (setting.reasons || [])[0];
  return h("li", { class: "hr-setting" },
    h("h4", {}, setting.name),
    h("div", { class: "hr-score" }, scoreBar(setting.score, w.scoreOf(score(setting.score))), h("span", {}, `${w.score} ${score(setting.score)}`)),
    h("p", {}, setting.himEmployment !== undefined ? w.employs(count(lang, setting.himEmployment)) : "",
      setting.wages && setting.wages.median ? `; ${w.medianWage(dollars(lang, setting.wages.median))}` : ""),
    first ? h("p", { class: "hr-quiet" }, first.explanation) : null);
}

function renderProgram(entry, w, lang) {
  const p = entry.program;
  const first = (entry.reasons || [])[0];
  const name = p.programName || p.cipTitle;
  const years = /^(\d+)yr/.exec(p.earningsHorizon || "");
  const horizon = years ? w.horizon(years[1]) : "";
  return h("li", { class: "hr-program" },
    h("h4", {}, p.institutionName),
    h("p", {}, `${name} \u2014 ${p.credentialDescription}, ${p.state}`, p.deliveryMode === "DELIVERY_MODE_ONLINE" ? ` (${w.online})` : ""),
    h("div", { class: "hr-score" }, scoreBar(entry.score, w.scoreOf(score(entry.score))), h("span", {}, `${w.score} ${score(entry.score)}`)),
    h("p", {}, p.medianEarnings !== undefined ? w.earnings(dollars(lang, p.medianEarnings), horizon) : w.earningsUnknown,
      "; ", p.medianDebt !== undefined ? w.debt(dollars(lang, p.medianDebt)) : w.debtUnknown,
      "; ", w.accreditation[p.accreditation] || w.accreditation.ACCREDITATION_UNKNOWN),
    first ? h("p", { class: "hr-quiet" }, first.explanation) : null,
    p.programUrl ? h("p", {}, h("a", { href: p.programUrl, rel: "noopener noreferrer", target: "_blank" }, `${w.visit}: ${name}`)) : null);
}
