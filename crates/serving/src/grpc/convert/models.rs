//! The loaded models and operator actions into responses: the model
//! description, what a reload, a promotion or a demotion put in place, and
//! the shadow comparison.

use super::entries::data_releases;
use crate::live::{ShadowReport, Snapshot};
use crate::pb;
use himrec_domain::catalog::Catalog;
use himrec_domain::model::ModelArtifact;

/// The model description.
pub(crate) fn model_info(snapshot: &Snapshot) -> pb::GetModelInfoResponse {
    let artifact = snapshot.public().model().artifact();
    pb::GetModelInfoResponse {
        model_version: artifact.model_version.clone(),
        algorithm: artifact.algorithm.clone(),
        career_paths: artifact.classes.clone(),
        features: artifact.features.clone(),
        seed: artifact.training.seed,
        training_rows: artifact.training.training_rows as u32,
        test_rows: artifact.training.test_rows as u32,
        evaluations: evaluations(artifact),
        data_releases: data_releases(),
        data_sha256: artifact.training.data_sha256.clone(),
        loaded_at: Some(snapshot.loaded_at.into()),
        generation: snapshot.generation,
        models: snapshot
            .models()
            .into_iter()
            .map(|(label, recommender)| {
                let artifact = recommender.model().artifact();
                pb::LoadedModel {
                    label: label.name().into(),
                    model_version: artifact.model_version.clone(),
                    algorithm: artifact.algorithm.clone(),
                    seed: artifact.training.seed,
                    data_sha256: artifact.training.data_sha256.clone(),
                    evaluations: evaluations(artifact),
                }
            })
            .collect(),
        promoted: snapshot.promoted,
    }
}

fn evaluations(artifact: &ModelArtifact) -> Vec<pb::Evaluation> {
    artifact
        .evaluations()
        .iter()
        .map(|e| pb::Evaluation {
            method: e.method.clone(),
            top1_accuracy: e.top1_accuracy,
            top3_accuracy: e.top3_accuracy,
            log_loss: e.log_loss,
            ndcg_at_3: e.ndcg_at_3,
        })
        .collect()
}

/// The models serving after a promotion or demotion.
pub(crate) fn promoted(snapshot: &Snapshot) -> pb::PromoteResponse {
    pb::PromoteResponse {
        stable_model_version: snapshot.public().model().version().to_owned(),
        candidate_model_version: snapshot
            .candidate
            .as_ref()
            .map(|c| c.public.model().version().to_owned())
            .unwrap_or_default(),
        promoted: snapshot.promoted,
        generation: snapshot.generation,
    }
}

/// What a reload put in place.
pub(crate) fn reloaded(snapshot: &Snapshot) -> pb::ReloadResponse {
    pb::ReloadResponse {
        model_version: snapshot.public().model().version().to_owned(),
        loaded_at: Some(snapshot.loaded_at.into()),
        generation: snapshot.generation,
        programs: snapshot.public().catalog().programs.len() as u32,
    }
}

/// The shadow comparison of the models serving in `snapshot`.
pub(crate) fn shadow_report(snapshot: &Snapshot, report: ShadowReport) -> pb::ShadowReport {
    let tally = report.tally;
    let compared = tally
        .as_ref()
        .map(|t| &t.comparison)
        .filter(|c| c.answers > 0);
    let catalog: &Catalog = snapshot.public().catalog();
    let path = |p: usize| {
        catalog
            .career_paths
            .get(p)
            .map(|c| (c.soc_code.clone(), c.title.clone()))
            .unwrap_or_default()
    };
    pb::ShadowReport {
        share: report.share,
        queue_capacity: report.queue as u32,
        stable_model_version: snapshot.public().model().version().to_owned(),
        candidate_model_version: snapshot
            .candidate
            .as_ref()
            .map(|c| c.public.model().version().to_owned())
            .unwrap_or_default(),
        since: tally.as_ref().map(|t| t.since.into()),
        compared: compared.map_or(0, |c| c.answers as u64),
        dropped: tally.as_ref().map_or(0, |t| t.dropped),
        first_path_agreement: compared.map(|c| c.first_path_agreement()),
        rank_correlation: compared.map(|c| c.rank_correlation()),
        mean_fit_change: compared.map(|c| c.mean_fit_change()),
        program_overlap: compared.map(|c| c.program_overlap()),
        moves: compared
            .map(|c| c.moves_by_count())
            .unwrap_or_default()
            .into_iter()
            .map(|((from, to), n)| {
                let ((stable_soc_code, stable_title), (candidate_soc_code, candidate_title)) =
                    (path(from), path(to));
                pb::FirstPathMove {
                    stable_soc_code,
                    stable_title,
                    candidate_soc_code,
                    candidate_title,
                    answers: n as u64,
                }
            })
            .collect(),
    }
}
