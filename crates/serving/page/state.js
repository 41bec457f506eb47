// What the form holds, as one plain object, and its form in the page's
// address (after `#`, so it never reaches a server or a log): a counselor
// can share the view, and a reload shows it again.

export const RIASEC = ["realistic", "investigative", "artistic", "social", "enterprising", "conventional"];

/** An empty form: nothing stated. */
export function empty() {
  return { goal: "", occ: "", years: "", edu: "", state: "", cred: [], skills: {}, mode: "none", ip: [], ri: [], prog: "any" };
}

/** The state in the address's fragment, `lang` (and a key given there) beside it. */
export function toHash(state, language, key) {
  const p = new URLSearchParams();
  for (const key of ["goal", "occ", "years", "edu", "state"]) if (state[key] !== "") p.set(key, state[key]);
  if (state.cred.length) p.set("cred", state.cred.join(","));
  for (const [id, level] of Object.entries(state.skills)) p.set(`s.${id}`, level);
  if (state.mode === "profiler") p.set("ip", state.ip.join(","));
  if (state.mode === "sliders") p.set("ri", state.ri.join(","));
  if (state.prog !== "any") p.set("prog", state.prog);
  if (language) p.set("lang", language);
  if (key) p.set("key", key);
  return p.toString();
}

/** The state a fragment holds ([state, language, key]); unknown keys are left alone. */
export function fromHash(hash) {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  const state = empty();
  for (const key of ["goal", "occ", "years", "edu", "state"]) state[key] = p.get(key) || "";
  state.cred = (p.get("cred") || "").split(",").filter(Boolean);
  for (const [name, value] of p) if (name.startsWith("s.")) state.skills[name.slice(2)] = value;
  if (p.has("ip")) { state.mode = "profiler"; state.ip = p.get("ip").split(","); }
  else if (p.has("ri")) { state.mode = "sliders"; state.ri = p.get("ri").split(","); }
  state.prog = p.get("prog") || "any";
  return [state, p.get("lang") || "", p.get("key") || ""];
}

/** Whether the state says anything at all. */
export function stated(state) {
  return ["goal", "occ", "years", "edu", "state"].some((k) => state[k] !== "")
    || state.cred.length > 0 || Object.keys(state.skills).length > 0 || state.mode !== "none";
}

/** The profile of the service's contract. Numbers the person typed go as
 * typed (a number, or the text when it is not one), so the service, not
 * the page, says what is wrong with them. */
export function toProfile(state) {
  const profile = {};
  const number = (text) => (text.trim() !== "" && !Number.isNaN(Number(text)) ? Number(text) : text);
  if (state.goal) profile.goal = state.goal;
  if (state.occ) profile.currentOccupation = state.occ;
  if (state.years !== "") profile.yearsExperience = number(state.years);
  if (state.edu) profile.highestEducation = state.edu;
  if (state.state) profile.state = state.state;
  if (state.cred.length) profile.credentials = state.cred;
  const skills = Object.entries(state.skills);
  if (skills.length) profile.skills = Object.fromEntries(skills.map(([id, v]) => [id, number(v)]));
  if (state.mode === "profiler") profile.interestProfiler = Object.fromEntries(RIASEC.map((a, i) => [a, number(state.ip[i] ?? "0")]));
  if (state.mode === "sliders") profile.interests = Object.fromEntries(RIASEC.map((a, i) => [a, Number(state.ri[i] ?? 50) / 100]));
  return profile;
}

/** The program filter of the results' choice. */
export function programFilter(state) {
  if (state.prog === "state" && state.state) return { states: [state.state] };
  if (state.prog === "online") return { deliveryModes: ["online"] };
  return undefined;
}

export const STATES = [
  ["AL", "Alabama"], ["AK", "Alaska"], ["AZ", "Arizona"], ["AR", "Arkansas"], ["CA", "California"],
  ["CO", "Colorado"], ["CT", "Connecticut"], ["DE", "Delaware"], ["DC", "District of Columbia"],
  ["FL", "Florida"], ["GA", "Georgia"], ["GU", "Guam"], ["HI", "Hawaii"], ["ID", "Idaho"],
  ["IL", "Illinois"], ["IN", "Indiana"], ["IA", "Iowa"], ["KS", "Kansas"], ["KY", "Kentucky"],
  ["LA", "Louisiana"], ["ME", "Maine"], ["MD", "Maryland"], ["MA", "Massachusetts"],
  ["MI", "Michigan"], ["MN", "Minnesota"], ["MS", "Mississippi"], ["MO", "Missouri"],
  ["MT", "Montana"], ["NE", "Nebraska"], ["NV", "Nevada"], ["NH", "New Hampshire"],
  ["NJ", "New Jersey"], ["NM", "New Mexico"], ["NY", "New York"], ["NC", "North Carolina"],
  ["ND", "North Dakota"], ["OH", "Ohio"], ["OK", "Oklahoma"], ["OR", "Oregon"],
  ["PA", "Pennsylvania"], ["PR", "Puerto Rico"], ["RI", "Rhode Island"], ["SC", "South Carolina"],
  ["SD", "South Dakota"], ["TN", "Tennessee"], ["TX", "Texas"], ["UT", "Utah"], ["VT", "Vermont"],
  ["VI", "U.S. Virgin Islands"], ["VA", "Virginia"], ["WA", "Washington"], ["WV", "West Virginia"],
  ["WI", "Wisconsin"], ["WY", "Wyoming"],
];
