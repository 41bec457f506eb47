//! The README shows the committed model's own figures.

mod common;

use himrec::model::eval::evaluation_table;
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
}
