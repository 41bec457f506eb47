// The page as one widget: mounted at `/` by main.js, and into another
// site's element by embed.js. It asks the service for its catalog, builds
// the form, and shows the service's answer.

import { client, Refused } from "./api.js";
import { h } from "./dom.js";
import { buildForm, clearErrors, readForm, showErrors, writeForm } from "./form.js";
import { renderResults } from "./results.js";
import { empty, fromHash, programFilter, stated, toHash, toProfile } from "./state.js";
import { words } from "./words.js";

let mounted = 0;

/** Mounts the widget into `root`. Options: `api` (the service's origin,
 * "" for this one), `key` (a publishable API key), `language` ("en" or
 * "es"), `urlState` (keep the profile in the address, for the page of
 * its own). */
export async function mount(root, options = {}) {
  const id = `hr${mounted++}`;
  const fromAddress = options.urlState ? fromHash(location.hash) : [empty(), "", ""];
  let [state] = fromAddress;
  const key = options.key || fromAddress[2];
  let lang = fromAddress[1] || options.language || ((navigator.language || "en").startsWith("es") ? "es" : "en");
  if (lang !== "es") lang = "en";
  const call = client(options.api || "", key);
  let answer = null;
  let catalog;
  let titles = {};
  // The skills' names in each language asked for so far.
  const skillsIn = {};

  root.classList.add("hr-widget");
  const status = h("p", { class: "hr-status-line", role: "status", "aria-live": "polite" });
  const results = h("div", { class: "hr-results-slot" });
  let form;

  try {
    const [occupations, credentials, skills] = await Promise.all([
      call("Catalog/ListOccupations", {}), call("Catalog/ListCredentials", {}), call("Catalog/ListSkills", {}, lang),
    ]);
    catalog = { occupations: occupations.occupations, credentials: credentials.credentials, skills: skills.skills };
    skillsIn[lang] = skills.skills;
    titles = Object.fromEntries(catalog.occupations.map((o) => [o.socCode, o.title]));
  } catch (error) {
    const w = words(lang);
    const said = error instanceof Refused && error.status === 0 ? w.unreachable : `${w.errorGeneral} ${error.message}`;
    root.replaceChildren(h("p", { class: "hr-error", role: "alert" }, said));
    return;
  }

  function draw() {
    const w = words(lang);
    root.setAttribute("lang", lang);
    if (options.urlState) document.documentElement.lang = lang;
    const switcher = h("nav", { class: "hr-languages", "aria-label": w.language },
      [["en", "English"], ["es", "Español"]].map(([code, name]) =>
        h("button", { type: "button", lang: code, "aria-pressed": String(code === lang), onclick: () => switchTo(code) }, name)));
    form = buildForm(w, catalog, id, submit);
    writeForm(form, state);
    root.replaceChildren(
      h("header", { class: "hr-header" }, h("h1", {}, w.title), switcher),
      form, status, results);
    if (answer) showAnswer();
  }

  function programControls() {
    const w = words(lang);
    return h("fieldset", { class: "hr-program-filter" },
      h("legend", {}, w.programFilter),
      Object.entries(w.programFilters).map(([value, label]) =>
        h("label", { class: "hr-check" },
          h("input", { type: "radio", name: `${id}-prog`, value, checked: state.prog === value, onchange: () => { state.prog = value; submit(`#${id}-programs-heading`); } }),
          ` ${label}`)),
      state.prog === "state" && !state.state ? h("p", { class: "hr-hint" }, w.programFilterNeedsState) : null);
  }

  function showAnswer() {
    const w = words(lang);
    const tools = h("p", { class: "hr-tools" },
      h("button", { type: "button", onclick: () => window.print() }, w.print),
      options.urlState ? h("button", { type: "button", onclick: () => share(w) }, w.share) : null);
    results.replaceChildren(renderResults(answer, w, lang, id, state.state, programControls(), titles), tools);
  }

  // Answers come back in any order; only the last call's is shown.
  let calls = 0;

  /** Sends the form; on an answer, focuses `focus` (a selector within
   * the results; none to leave the focus where it is). */
  async function submit(focus = "h2") {
    const w = words(lang);
    readForm(form, state);
    clearErrors(form);
    if (!stated(state)) {
      showErrors(form, id, [], w.nothing);
      return;
    }
    if (options.urlState) history.replaceState(null, "", `#${toHash(state, lang, fromAddress[2])}`);
    status.textContent = w.working;
    const request = { profile: toProfile(state), language: lang };
    const filter = programFilter(state);
    if (filter) request.programFilter = filter;
    const mine = ++calls;
    try {
      const got = await call("Recommender/Recommend", request, lang);
      if (mine !== calls) return;
      answer = got;
      status.textContent = "";
      showAnswer();
      if (focus) results.querySelector(focus)?.focus();
    } catch (error) {
      if (mine !== calls) return;
      status.textContent = "";
      answer = null;
      results.replaceChildren();
      if (error instanceof Refused && error.fields.length) showErrors(form, id, error.fields, w.errorField);
      else if (error instanceof Refused && error.status === 0) showErrors(form, id, [], w.unreachable);
      else showErrors(form, id, [], `${w.errorGeneral} ${error.message}`);
    }
  }

  async function share(w) {
    try {
      await navigator.clipboard.writeText(location.href);
    } catch {
      // The address bar still holds it.
    }
    status.textContent = w.shareCopied;
  }

  async function switchTo(code) {
    if (form) readForm(form, state);
    lang = code;
    try {
      skillsIn[lang] = skillsIn[lang] || (await call("Catalog/ListSkills", {}, lang)).skills;
      catalog.skills = skillsIn[lang];
    } catch {
      // The names already shown will do.
    }
    draw();
    if (answer) submit(null);
    else if (options.urlState && stated(state)) history.replaceState(null, "", `#${toHash(state, lang, fromAddress[2])}`);
    root.querySelector(`.hr-languages button[lang="${code}"]`)?.focus();
  }

  draw();
  if (stated(state)) await submit(null);
}
