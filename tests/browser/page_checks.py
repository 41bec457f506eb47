"""The page as people use it, in headless Chromium (Debian's), driven by
Playwright: three people fill the form, switch language, share and reload
the view, use only the keyboard, meet a refusal; axe-core checks the page;
a portal on another origin embeds it with a publishable key.

Run by tests/it/page.rs, which starts the servers and the portal pages:

    python page_checks.py --page URL --portal URL --other URL --shots DIR

Prints one line per check passed; exits 1 with every failure listed.
"""

import argparse
import json
import pathlib
import re
import sys
import urllib.request

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
# No network here beyond loopback: Chromium must not try its own services.
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
AXE = pathlib.Path(__file__).parent / "node_modules/axe-core/axe.min.js"
FAILURES = []


def check(name, ok, detail=""):
    if ok:
        print(f"ok: {name}")
    else:
        FAILURES.append(f"{name}: {detail}")
        print(f"FAILED: {name}: {detail}")


def answer(base, profile, language="en"):
    """The service's own answer for `profile`, through the JSON door."""
    body = json.dumps({"profile": profile, "language": language}).encode()
    request = urllib.request.Request(
        f"{base}/himrec.v1.Recommender/Recommend", data=body,
        headers={"content-type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


# Three people, as the form takes them and as the service's profile says them.
PEOPLE = {
    "senior-exploring": {
        "form": {"goal": "explore", "edu": "high_school", "state": "TX",
                 "sliders": {"realistic": 30, "investigative": 60, "artistic": 20, "social": 50,
                             "enterprising": 30, "conventional": 90}},
        "profile": {"goal": "explore", "highestEducation": "high_school", "state": "TX",
                    "interests": {"realistic": 0.3, "investigative": 0.6, "artistic": 0.2,
                                  "social": 0.5, "enterprising": 0.3, "conventional": 0.9}},
    },
    "rhit-moving-up": {
        "form": {"goal": "advance", "occ": "29-2072.00", "years": "4", "edu": "associate",
                 "state": "OH", "cred": ["RHIT"]},
        "profile": {"goal": "advance", "currentOccupation": "29-2072.00", "yearsExperience": 4,
                    "highestEducation": "associate", "state": "OH", "credentials": ["RHIT"]},
    },
    "nurse-changing": {
        "form": {"goal": "change", "occ": "29-1141.00", "years": "8", "edu": "bachelor",
                 "state": "CA"},
        "profile": {"goal": "change", "currentOccupation": "29-1141.00", "yearsExperience": 8,
                    "highestEducation": "bachelor", "state": "CA"},
    },
}


def fill(page, form):
    for name in ("goal", "occ", "edu", "state"):
        if name in form:
            page.select_option(f"#hr0-{name}", form[name])
    if "years" in form:
        page.fill("#hr0-years", form["years"])
    if form.get("cred") or form.get("sliders"):
        page.click(".hr-more summary")
    for code in form.get("cred", []):
        page.check(f'input[name="cred"][value="{code}"]')
    if "sliders" in form:
        page.select_option("#hr0-mode", "sliders")
        for area, value in form["sliders"].items():
            page.fill(f"#hr0-ri-{area}", str(value))


def results_ready(page):
    page.wait_for_selector(".hr-results .hr-path", timeout=20000)


def answered(page, base, form):
    """`page` at the page, `form` filled in and sent, the results shown."""
    page.goto(f"{base}/")
    page.wait_for_selector("form.hr-form")
    fill(page, form)
    page.click("button.hr-submit")
    results_ready(page)
    return page


def people(browser, base, shots):
    for name, person in PEOPLE.items():
        page = answered(browser.new_page(viewport={"width": 1100, "height": 1400}), base, person["form"])
        expected = answer(base, person["profile"])
        titles = page.locator(".hr-path h4").all_inner_texts()
        want = [p["title"] for p in expected["careerPaths"]]
        check(f"{name}: paths on screen in the service's order", titles == want, f"{titles} != {want}")
        first = expected["careerPaths"][0]
        text = page.locator(".hr-path").first.inner_text()
        step = (first.get("credentialSteps") or [{}])[0].get("explanation") or \
            (first.get("educationStep") or {}).get("explanation", "")
        check(f"{name}: the first path's first route step is shown", step and step in text, step)
        programs = page.locator(".hr-program h4").all_inner_texts()
        check(f"{name}: programs on the route are shown",
              programs and programs[0] == expected["programs"][0]["program"]["institutionName"],
              str(programs[:2]))
        person["first"] = first
        page.evaluate("document.querySelector('.hr-results h2').scrollIntoView()")
        page.screenshot(path=str(shots / f"{name}.png"), full_page=False)
        page.close()
    check("rhit-moving-up: first path is a step up in HIM",
          PEOPLE["rhit-moving-up"]["first"]["pathMove"] == "PATH_MOVE_STEP_UP",
          PEOPLE["rhit-moving-up"]["first"]["title"])
    check("rhit-moving-up: the RHIA is on the first path's route",
          any(s["code"] == "RHIA" for s in PEOPLE["rhit-moving-up"]["first"].get("credentialSteps", [])),
          str([s["code"] for s in PEOPLE["rhit-moving-up"]["first"].get("credentialSteps", [])]))


def spanish_share_reload(browser, base):
    page = answered(browser.new_page(), base, PEOPLE["rhit-moving-up"]["form"])
    page.click('.hr-languages button[lang="es"]')
    page.wait_for_selector('.hr-results[lang="es"] .hr-path')
    heading = page.inner_text(".hr-results h2")
    check("Spanish: the results are in Spanish", heading == "Sus opciones", heading)
    expected = answer(base, PEOPLE["rhit-moving-up"]["profile"], "es")
    meaning = page.inner_text(".hr-meaning")
    check("Spanish: the score's meaning is the service's Spanish sentence",
          meaning == expected["scoreMeaning"], meaning)
    check("Spanish: the page's language is es", page.get_attribute("html", "lang") == "es")
    request = urllib.request.Request(f"{base}/himrec.v1.Catalog/ListSkills", data=b"{}",
                                     headers={"content-type": "application/json", "accept-language": "es"})
    with urllib.request.urlopen(request) as response:
        spanish = {s["id"]: s["name"] for s in json.load(response)["skills"]}
    label = page.inner_text('label[for="hr0-skill-clinical_coding"]')
    check("Spanish: the form names skills in Spanish", label == spanish["clinical_coding"], label)
    shared = page.url
    check("the address holds the profile", "occ=29-2072.00" in shared and "lang=es" in shared, shared)
    titles = page.locator(".hr-path h4").all_inner_texts()
    other = browser.new_page()
    other.goto(shared)
    results_ready(other)
    check("a shared address shows the same view",
          other.locator(".hr-path h4").all_inner_texts() == titles
          and other.inner_text(".hr-results h2") == "Sus opciones"
          and other.input_value("#hr0-occ") == "29-2072.00"
          and other.is_checked('input[name="cred"][value="RHIT"]'),
          other.url)
    other.reload()
    results_ready(other)
    check("a reload shows the same view", other.locator(".hr-path h4").all_inner_texts() == titles)
    page.emulate_media(media="print")
    shown = page.evaluate("""() => [...document.querySelectorAll('.hr-form, .hr-path, .hr-program')]
        .filter((e) => getComputedStyle(e).display !== 'none').map((e) => e.className)""")
    check("printing leaves out the form and keeps the first paths and programs",
          "hr-form" not in shown and shown.count("hr-path") == min(3, len(titles))
          and 0 < shown.count("hr-program") <= 5, str(shown))
    for name, person in PEOPLE.items():
        printed = answered(browser.new_page(), base, person["form"])
        pages = len(re.findall(rb"/Type\s*/Page[^s]", printed.pdf(format="Letter")))
        check(f"{name}: printing gives one page", pages == 1, f"{pages} pages")
        printed.close()
    page.close()
    other.close()


def program_filter(browser, base):
    page = answered(browser.new_page(), base, PEOPLE["rhit-moving-up"]["form"])
    for choice, shows in (("state", ", OH"), ("online", "(online)")):
        page.evaluate("document.querySelector('.hr-results').dataset.old = '1'")
        page.check(f'input[name="hr0-prog"][value="{choice}"]')
        page.wait_for_selector(".hr-results:not([data-old]) .hr-path")
        lines = page.locator(".hr-program p:first-of-type").all_inner_texts()
        # Public data says no program's delivery: none is known online
        # unless an operator says so, and the page says none matches.
        none = choice == "online" and not lines and page.locator(".hr-empty").count() == 1
        check(f"programs filtered {choice}: every one shown is so",
              none or (lines and all(shows in line for line in lines)), str(lines[:3]))
        check(f"programs filtered {choice}: the focus goes to the programs",
              page.evaluate("document.activeElement.id") == "hr0-programs-heading")
    page.close()


def keyboard(browser, base):
    page = browser.new_page()
    page.goto(f"{base}/")
    page.wait_for_selector("form.hr-form")
    seen = []
    for _ in range(20):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.id || document.activeElement.className")
        seen.append(focused)
        if focused == "hr0-goal":
            break
    check("keyboard: Tab reaches the first question", seen[-1] == "hr0-goal", str(seen))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    check("keyboard: a choice made with the arrow keys", page.input_value("#hr0-goal") != "")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.className") == "hr-submit":
            break
    check("keyboard: Tab reaches the submit button",
          page.evaluate("document.activeElement.className") == "hr-submit")
    page.keyboard.press("Enter")
    results_ready(page)
    check("keyboard: the results take the focus",
          page.evaluate("document.activeElement.tagName") == "H2")
    page.close()


def axe(browser, base):
    context = browser.new_context(bypass_csp=True)
    page = answered(context.new_page(), base, PEOPLE["rhit-moving-up"]["form"])
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    for language in ("en", "es"):
        if language == "es":
            page.click('.hr-languages button[lang="es"]')
            page.wait_for_selector('.hr-results[lang="es"] .hr-path')
            page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
        page.add_script_tag(path=str(AXE))
        found = page.evaluate("""async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}});
            return r.violations.map((v) => ({id: v.id, impact: v.impact,
                nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' '))}));
        }""")
        bad = [v for v in found if v["impact"] in ("serious", "critical")]
        check(f"axe-core ({language}): no serious or critical WCAG 2.2 AA violation", not bad, json.dumps(bad))
    context.close()


def refusal(browser, base):
    page = browser.new_page()
    page.goto(f"{base}/")
    page.wait_for_selector("form.hr-form")
    page.select_option("#hr0-occ", "29-2072.00")
    page.fill("#hr0-years", "99")
    page.click("button.hr-submit")
    page.wait_for_selector("#hr0-years-error:not([hidden])")
    message = page.inner_text("#hr0-years-error")
    check("a bad value shows the service's message next to its field",
          "between 0 and 60" in message, message)
    check("the field at fault is marked invalid",
          page.get_attribute("#hr0-years", "aria-invalid") == "true")
    page.close()


def embedding(browser, portal, other):
    page = browser.new_page()
    page.goto(portal)
    page.wait_for_selector("[data-himrec] form.hr-form", timeout=20000)
    page.select_option("#hr0-state", "KY")
    page.click(".hr-more summary")
    page.select_option("#hr0-skill-clinical_coding", "0.75")
    page.click("button.hr-submit")
    page.wait_for_selector("[data-himrec] .hr-program", timeout=20000)
    programs = page.locator(".hr-program").all_inner_texts()
    check("embedded: the portal's own program is shown",
          any("Valley Online" in p for p in programs), str(programs[:3]))
    admin = page.evaluate("""async () => {
        const key = document.querySelector('[data-himrec]').dataset.key;
        const api = new URL(document.querySelector('script[src$="embed.js"]').src).origin;
        const call = async (method, body) => {
            const r = await fetch(`${api}/himrec.v1.${method}`, {method: 'POST', body: JSON.stringify(body),
                headers: {'content-type': 'application/json', authorization: `Bearer ${key}`}});
            return [r.status, await r.json()];
        };
        return {admin: await call('Admin/Reload', {}),
                own: await call('Catalog/ListPrograms', {filter: {operatorOnly: true}, pageSize: 100})};
    }""")
    status, body = admin["admin"]
    check("embedded: the publishable key cannot call Admin", status == 403, f"{status} {body}")
    status, body = admin["own"]
    unitids = {p["unitid"] for p in body.get("programs", [])}
    check("embedded: the key reads only its own tenant's programs",
          status == 200 and unitids == {990001}, f"{status} {unitids}")
    page.close()

    page = browser.new_page()
    page.goto(other)
    page.wait_for_selector("[data-himrec] .hr-error", timeout=20000)
    said = page.inner_text("[data-himrec]")
    check("embedded from an unlisted origin: refused, saying so, no form",
          page.locator("[data-himrec] form").count() == 0 and "not open to this site" in said, said)
    page.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--page", required=True)
    parser.add_argument("--portal", required=True)
    parser.add_argument("--other", required=True)
    parser.add_argument("--shots", required=True)
    args = parser.parse_args()
    shots = pathlib.Path(args.shots)
    shots.mkdir(parents=True, exist_ok=True)
    base = args.page.rstrip("/")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for run in (lambda: people(browser, base, shots), lambda: spanish_share_reload(browser, base),
                    lambda: program_filter(browser, base),
                    lambda: keyboard(browser, base), lambda: axe(browser, base),
                    lambda: refusal(browser, base), lambda: embedding(browser, args.portal, args.other)):
            try:
                run()
            except Exception as error:  # a timeout or a missing element: one failure, go on
                check("a step of the checks ran to its end", False, repr(error))
        browser.close()
    if FAILURES:
        print("\n".join(["", "failures:", *FAILURES]), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
