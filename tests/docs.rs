//! The README shows the committed model's own figures.

mod common;

use himrec::training::markdown::{evaluation_table, stability_summary};
use himrec::model::ModelArtifact;

#[test]
fn readme_shows_the_committed_models_evaluation_and_version() {
    let root = common::root();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let artifact = ModelArtifact::load(&root.join("models/career_model.json")).unwrap();
    assert!(
        readme.contains(evaluation_table(artifact.evaluations()).trim_end()),
        "README's evaluation table is not the committed model's; copy it from models/career_model.md"
    );
    assert!(
        readme.contains(&artifact.model_version),
        "README's sample output is from another model version"
    );
    assert!(
        readme.contains(&stability_summary(&artifact.evaluation.stability)),
        "README's stability figures are not the committed model's"
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
