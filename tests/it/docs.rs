//! The documentation shows the committed model's own figures and the
//! configuration's own defaults, its links lead somewhere, what it says of
//! limits, absent skills and status codes is what the proto and the code
//! say, and its examples work on the running door ([`examples`]).

use crate::common;
mod examples;

use himrec::model::ModelArtifact;
use himrec::training::markdown::{evaluation_table, stability_summary};

/// The "complete file with the defaults" in docs/operations.md reads as
/// the defaults, and names every section.
#[test]
fn the_documented_configuration_is_the_default_one() {
    let text = std::fs::read_to_string(common::root().join("docs/operations.md")).unwrap();
    let after = text
        .split("A complete file with the defaults:")
        .nth(1)
        .unwrap();
    let block = after
        .split("```toml\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let documented = himrec::config::Config::from_toml(block, "docs/operations.md", &[]).unwrap();
    assert_eq!(documented, himrec::config::Config::default());
    let defaults = toml::to_string(&himrec::config::Config::default()).unwrap();
    for line in defaults.lines().filter(|l| l.starts_with('[')) {
        // `[auth]` is documented as its `[[auth.keys]]`.
        let section = line.trim_matches(|c| c == '[' || c == ']');
        assert!(
            block.contains(&format!("[{section}")),
            "{section} is not in the documented file"
        );
    }
}

/// docs/model.md holds the evaluation table and the stability figures; the
/// README's sample output names the model version.
#[test]
fn the_docs_show_the_committed_models_evaluation_and_version() {
    let root = common::root();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let model_doc = std::fs::read_to_string(root.join("docs/model.md")).unwrap();
    let artifact = ModelArtifact::load(&root.join("models/career_model.json")).unwrap();
    assert!(
        model_doc.contains(evaluation_table(artifact.evaluations()).trim_end()),
        "docs/model.md's evaluation table is not the committed model's; copy it from models/career_model.md"
    );
    assert!(
        readme.contains(&artifact.model_version),
        "README's sample output is from another model version"
    );
    assert!(
        model_doc.contains(&stability_summary(&artifact.evaluation.stability)),
        "docs/model.md's stability figures are not the committed model's"
    );
}

#[test]
fn model_card_shows_the_committed_models_version_and_figures() {
    let root = common::root();
    let card = std::fs::read_to_string(root.join("models/MODEL_CARD.md")).unwrap();
    let artifact = ModelArtifact::load(&root.join("models/career_model.json")).unwrap();
    assert!(
        card.contains(&artifact.model_version),
        "MODEL_CARD.md names another model"
    );
    assert!(card.contains(evaluation_table(artifact.evaluations()).trim_end()));
    assert!(card.contains(&stability_summary(&artifact.evaluation.stability)));
    for section in [
        "## Intended use",
        "## Uses it is not fit for",
        "## Inputs",
        "## Known limitations",
    ] {
        assert!(card.contains(section), "missing {section}");
    }
}

/// The pages under docs/, in name order.
fn doc_pages() -> Vec<std::path::PathBuf> {
    let mut docs: Vec<_> = std::fs::read_dir(common::root().join("docs"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    docs.sort();
    docs
}

/// Every relative link `[text](target)` in README.md, docs/*.md,
/// models/MODEL_CARD.md and BENCHMARKS.md names a file that exists (relative
/// to the linking file's folder) and, after `#`, a heading of that file (of
/// the same file for `#anchor` alone) by its GitHub anchor. Links to
/// http(s) and mailto are not checked; fenced code blocks hold no links.
#[test]
fn every_relative_link_resolves() {
    let root = common::root();
    let mut pages = vec![
        root.join("README.md"),
        root.join("models/MODEL_CARD.md"),
        root.join("BENCHMARKS.md"),
    ];
    pages.extend(doc_pages());

    let mut broken = Vec::new();
    for page in &pages {
        let text = std::fs::read_to_string(page).unwrap();
        for target in link_targets(&text) {
            if ["http://", "https://", "mailto:"]
                .into_iter()
                .any(|scheme| target.starts_with(scheme))
            {
                continue;
            }
            let (path, anchor) = match target.split_once('#') {
                Some((path, anchor)) => (path, Some(anchor)),
                None => (target, None),
            };
            let file = if path.is_empty() {
                page.clone()
            } else {
                page.parent().unwrap().join(path)
            };
            if !file.exists() {
                broken.push(format!("{}: {target}: no such file", page.display()));
            } else if let Some(anchor) = anchor {
                let headings = std::fs::read_to_string(&file)
                    .map(|text| heading_anchors(&text))
                    .unwrap_or_default();
                if !headings.iter().any(|heading| heading == anchor) {
                    broken.push(format!("{}: {target}: no such heading", page.display()));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

/// The lines of a Markdown text outside fenced code blocks.
fn outside_code_blocks(text: &str) -> Vec<&str> {
    let mut in_block = false;
    let mut lines = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_block = !in_block;
        } else if !in_block {
            lines.push(line);
        }
    }
    lines
}

/// The targets of the links `[text](target)` (images too), without a title.
fn link_targets(text: &str) -> Vec<&str> {
    let mut targets = Vec::new();
    for line in outside_code_blocks(text) {
        let mut rest = line;
        while let Some(start) = rest.find("](") {
            let after = &rest[start + 2..];
            let Some(end) = after.find(')') else { break };
            targets.push(after[..end].split_whitespace().next().unwrap_or(""));
            rest = &after[end + 1..];
        }
    }
    targets
}

/// GitHub's anchors for the headings of a Markdown text: lower case, spaces
/// to `-`, punctuation other than `-` and `_` dropped.
fn heading_anchors(text: &str) -> Vec<String> {
    outside_code_blocks(text)
        .into_iter()
        .filter_map(|line| {
            let title = line.trim_start_matches('#');
            (title.len() < line.len() && title.starts_with(' ')).then(|| {
                title
                    .trim()
                    .to_lowercase()
                    .chars()
                    .filter(|&c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
                    .map(|c| if c == ' ' { '-' } else { c })
                    .collect::<String>()
            })
        })
        .collect()
}

/// What the proto's comments, docs/api.md and the code each say of the
/// statements that can be checked agree: every request limit (default
/// and maximum, from the code's table), what a skill left out means, and
/// every status code the services answer with.
#[test]
fn the_proto_the_api_doc_and_the_code_say_the_same() {
    let root = common::root();
    let proto = std::fs::read_to_string(root.join("proto/himrec/v1/recommender.proto")).unwrap();
    let api = std::fs::read_to_string(root.join("docs/api.md")).unwrap();
    // Line breaks in the doc are not meaningful.
    let flat = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let api = flat(&api);
    for (name, default, max) in himrec::rank::LIMITS {
        let said = format!("0 means {default}; at most {max}.\n  uint32 {name} =");
        assert!(
            proto.contains(&said),
            "the proto's comment on {name} is not {said:?}"
        );
        let documented = format!("`{name}` (0 means {default}, at most {max})");
        assert!(
            api.contains(&documented),
            "docs/api.md does not say {documented:?}"
        );
    }
    let unknown = flat(
        "A skill left out is unknown: it neither raises nor lowers a fit. A skill
         given as 0 says \"I do not have this\" and counts as 0.",
    );
    assert!(
        flat(&proto.replace("//", " ")).contains(&unknown),
        "the proto's Profile.skills"
    );
    assert!(
        api.contains("a skill left out is unknown (not lacking), a skill given as 0 is lacking"),
        "docs/api.md's profile table"
    );
    // The codes the one place that makes statuses uses, the codes its
    // module doc explains, and the codes docs/api.md names.
    let status = std::fs::read_to_string(root.join("crates/serving/src/grpc/status.rs")).unwrap();
    let explained: Vec<&str> = status
        .lines()
        .filter_map(|l| l.strip_prefix("//! - `"))
        .filter_map(|l| l.split('`').next())
        .collect();
    let mut used: Vec<String> = status
        .split("Status::")
        .skip(1)
        .filter_map(|rest| rest.split('(').next())
        .filter(|name| name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .filter(|name| !["from_header_map", "with_error_details"].contains(name))
        .map(str::to_ascii_uppercase)
        .collect();
    used.extend(
        status
            .split("Code::")
            .skip(1)
            .filter_map(|rest| rest.split(|c: char| !c.is_ascii_alphanumeric()).next())
            .map(|camel| {
                camel
                    .chars()
                    .enumerate()
                    .flat_map(|(i, c)| {
                        let gap = (i > 0 && c.is_ascii_uppercase()).then_some('_');
                        gap.into_iter()
                            .chain(std::iter::once(c.to_ascii_uppercase()))
                    })
                    .collect::<String>()
            }),
    );
    used.sort_unstable();
    used.dedup();
    assert!(used.len() >= 6, "{used:?}");
    for code in &used {
        assert!(
            explained.contains(&code.as_str()),
            "status.rs uses {code} without saying why"
        );
    }
    for code in explained {
        assert!(api.contains(code), "docs/api.md never names {code}");
    }
}
