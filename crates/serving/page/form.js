// The form: built from the service's own catalog (occupations, credentials,
// skills), read into a state and written from one, and marked with the
// service's own message next to each field it refuses.

import { h } from "./dom.js";
import { RIASEC, STATES } from "./state.js";

/** The form in `w`'s words for `catalog`; `id` prefixes every element id. */
export function buildForm(w, catalog, id, onSubmit) {
  const field = (name, label, control, hint) =>
    h("div", { class: "hr-field", "data-field": name },
      h("label", { for: `${id}-${name}` }, label),
      control,
      hint ? h("p", { class: "hr-hint", id: `${id}-${name}-hint` }, hint) : null,
      h("p", { class: "hr-error", id: `${id}-${name}-error`, hidden: true }));
  const described = (name, hint) => [`${id}-${name}-error`, hint ? `${id}-${name}-hint` : null].filter(Boolean).join(" ");
  const select = (name, unstated, options, hint) =>
    h("select", { id: `${id}-${name}`, name, "aria-describedby": described(name, hint) },
      h("option", { value: "" }, unstated), options);

  const paths = catalog.occupations.filter((o) => o.careerPath);
  const others = catalog.occupations.filter((o) => !o.careerPath);
  const occupation = select("occ", w.occupationUnstated, [
    h("optgroup", { label: w.occupationsPaths }, paths.map((o) => h("option", { value: o.socCode }, o.title))),
    h("optgroup", { label: w.occupationsOther }, others.map((o) => h("option", { value: o.socCode }, o.title))),
  ]);
  const group = (name, legend, ...children) =>
    h("fieldset", { class: "hr-group", "data-field": name, id: `${id}-${name}`, "aria-describedby": `${id}-${name}-error` },
      h("legend", {}, legend), ...children,
      h("p", { class: "hr-error", id: `${id}-${name}-error`, hidden: true }));

  const credentials = group("cred", w.credentials,
    h("div", { class: "hr-checks" }, catalog.credentials.map((c) =>
      h("label", { class: "hr-check" },
        h("input", { type: "checkbox", name: "cred", value: c.code }),
        ` ${c.code} `, h("span", { class: "hr-quiet" }, `(${c.name})`)))));

  const levels = Object.entries(w.levels);
  const skills = group("skills", w.skills,
    h("div", { class: "hr-skills" }, catalog.skills.map((skill) =>
      h("div", { class: "hr-skill", "data-field": `skill.${skill.id}` },
        h("label", { for: `${id}-skill-${skill.id}` }, skill.name),
        h("select", { id: `${id}-skill-${skill.id}`, name: `skill.${skill.id}`, "aria-describedby": `${id}-skill-${skill.id}-error` },
          levels.map(([value, label]) => h("option", { value }, label))),
        h("p", { class: "hr-error", id: `${id}-skill-${skill.id}-error`, hidden: true })))));

  const area = (kind, a, attrs) =>
    h("div", { class: "hr-area" },
      h("label", { for: `${id}-${kind}-${a}` }, w.riasec[a]),
      h("input", { id: `${id}-${kind}-${a}`, name: `${kind}.${a}`, ...attrs }));
  const interests = group("interests", w.interests,
    h("div", { class: "hr-field" },
      h("label", { for: `${id}-mode` }, w.interestsMode),
      h("select", { id: `${id}-mode`, name: "mode" },
        Object.entries(w.interestsModes).map(([value, label]) => h("option", { value }, label)))),
    h("div", { class: "hr-areas", "data-mode": "profiler", hidden: true },
      RIASEC.map((a) => area("ip", a, { type: "number", min: 0, max: 40, step: 1, inputmode: "numeric", value: "20" }))),
    h("div", { class: "hr-areas", "data-mode": "sliders", hidden: true },
      h("p", { class: "hr-hint" }, w.sliderHint),
      RIASEC.map((a) => area("ri", a, { type: "range", min: 0, max: 100, step: 5, value: "50" }))));

  const form = h("form", { class: "hr-form", novalidate: true, "aria-labelledby": `${id}-form-heading` },
    h("h2", { id: `${id}-form-heading` }, w.formHeading),
    h("p", { class: "hr-hint" }, w.intro),
    h("div", { class: "hr-row" },
      field("goal", w.goal, select("goal", w.goalUnstated,
        Object.entries(w.goals).map(([value, label]) => h("option", { value }, label)))),
      field("occ", w.occupation, occupation),
      field("years", w.years, h("input", { id: `${id}-years`, name: "years", type: "number", min: 0, max: 60, step: "any", inputmode: "decimal", "aria-describedby": described("years", true) }), w.yearsHint),
      field("edu", w.education, select("edu", w.educationUnstated,
        Object.entries(w.educations).map(([value, label]) => h("option", { value }, label)))),
      field("state", w.state, select("state", w.stateAnywhere,
        STATES.map(([code, name]) => h("option", { value: code }, `${name} (${code})`))))),
    h("details", { class: "hr-more" }, h("summary", {}, w.more), credentials, skills, interests),
    h("p", { class: "hr-error hr-form-error", id: `${id}-form-error`, role: "alert", hidden: true }),
    h("button", { type: "submit", class: "hr-submit" }, w.submit));
  const mode = form.elements.namedItem("mode");
  mode.addEventListener("change", () => showMode(form));
  form.addEventListener("submit", (event) => { event.preventDefault(); onSubmit(); });
  return form;
}

function showMode(form) {
  const mode = form.elements.namedItem("mode").value;
  for (const block of form.querySelectorAll("[data-mode]")) block.hidden = block.dataset.mode !== mode;
}

/** What the form holds. */
export function readForm(form, state) {
  const value = (name) => form.elements.namedItem(name).value;
  for (const key of ["goal", "occ", "years", "edu", "state"]) state[key] = value(key);
  state.cred = [...form.querySelectorAll('input[name="cred"]:checked')].map((c) => c.value);
  state.skills = {};
  for (const select of form.querySelectorAll('select[name^="skill."]')) {
    if (select.value !== "") state.skills[select.name.slice(6)] = select.value;
  }
  state.mode = value("mode");
  state.ip = RIASEC.map((a) => value(`ip.${a}`));
  state.ri = RIASEC.map((a) => value(`ri.${a}`));
  return state;
}

/** Sets the form to `state`. */
export function writeForm(form, state) {
  const set = (name, v) => { form.elements.namedItem(name).value = v; };
  for (const key of ["goal", "occ", "years", "edu", "state"]) set(key, state[key]);
  for (const box of form.querySelectorAll('input[name="cred"]')) box.checked = state.cred.includes(box.value);
  for (const select of form.querySelectorAll('select[name^="skill."]')) {
    const level = state.skills[select.name.slice(6)];
    select.value = level !== undefined && [...select.options].some((o) => o.value === level) ? level : "";
  }
  set("mode", state.mode);
  if (state.cred.length || Object.keys(state.skills).length || state.mode !== "none") form.querySelector(".hr-more").open = true;
  RIASEC.forEach((a, i) => {
    if (state.ip[i] !== undefined) set(`ip.${a}`, state.ip[i]);
    if (state.ri[i] !== undefined) set(`ri.${a}`, state.ri[i]);
  });
  showMode(form);
}

/** Clears every field's error. */
export function clearErrors(form) {
  for (const p of form.querySelectorAll(".hr-error")) { p.hidden = true; p.textContent = ""; }
  for (const c of form.querySelectorAll("[aria-invalid]")) c.removeAttribute("aria-invalid");
}

/** Shows each of the service's field violations next to its field; those
 * no field shows go to the form's own error line. Focuses the first. */
export function showErrors(form, id, violations, general) {
  const unplaced = [];
  let first = null;
  for (const { field, description } of violations) {
    const slot = slotOf(field);
    const error = slot && form.querySelector(`#${id}-${slot}-error`);
    if (!error) { unplaced.push(`${field}: ${description}`); continue; }
    error.hidden = false;
    error.textContent = error.textContent ? `${error.textContent} ${description}` : description;
    const control = form.querySelector(`#${id}-${slot}`);
    const more = error.closest("details");
    if (more) more.open = true;
    if (control) { control.setAttribute("aria-invalid", "true"); first = first || control; }
  }
  const line = form.querySelector(`#${id}-form-error`);
  const text = [general, ...unplaced].filter(Boolean).join(" ");
  if (text) { line.hidden = false; line.textContent = text; }
  (first || line).focus?.();
}

/** The form's slot for a field the service names, e.g. profile.state. */
function slotOf(field) {
  const name = field.replace(/^profile\./, "");
  const skill = /^skills\[(.+)\]$/.exec(name);
  if (skill) return `skill-${skill[1]}`;
  const plain = { goal: "goal", current_occupation: "occ", years_experience: "years", highest_education: "edu", state: "state" };
  if (plain[name]) return plain[name];
  if (name.startsWith("credentials")) return "cred";
  if (name.startsWith("skills")) return "skills";
  if (name.startsWith("interest")) return "interests";
  return null;
}
