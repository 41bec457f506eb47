//! The examples the OpenAPI document shows: a request per operation that
//! the bundled data answers, and the answer the running binary gives it,
//! recorded in `examples/<Method>.json` beside this file. Each list in a
//! recorded answer is cut to its first two entries, to keep the document
//! readable (a test posts every request example to the door and holds each
//! recorded answer to what it answers, cut the same way;
//! `HIMREC_RECORD_ANSWERS=1` records them again).

use serde_json::{json, Value};

/// What a recorded answer is, as the document says it.
pub(crate) const RECORDED: &str = "What the bundled data and model answer to the request example, recorded from the running service; each list is cut to its first two entries.";

/// A request each method answers on the bundled data (Admin's, which need
/// an admin key and change the service, take none or an empty one).
pub(crate) fn request(method: &str) -> Value {
    match method {
        "Recommend" => json!({
            "profile": {
                "skills": {"clinical_coding": 0.85, "medical_terminology": 0.9, "ehr_systems": 0.6},
                "interests": {"realistic": 0.2, "investigative": 0.4, "artistic": 0.1,
                              "social": 0.4, "enterprising": 0.3, "conventional": 0.9},
                "highestEducation": "EDUCATION_LEVEL_SOME_COLLEGE",
                "credentials": ["CCA"],
                "state": "TX",
                "goal": "GOAL_FIND_WORK"
            },
            "maxCareerPaths": 3,
            "maxWorkSettings": 3,
            "maxPrograms": 3
        }),
        "GetCareerPath" => json!({"socCode": "29-2072.00"}),
        "ListCareerPaths" => json!({"orderBy": "CAREER_PATH_ORDER_CHANGE_PERCENT"}),
        "ListPrograms" => json!({"pageSize": 10, "states": ["OH"], "controls": ["CONTROL_PUBLIC"]}),
        "GetProgram" => json!({"unitid": 201885, "credentialLevel": 3}),
        _ => json!({}),
    }
}

/// The recorded answer to `method`'s request example, for the methods
/// that have one (all but Admin's).
pub(crate) fn response(method: &str) -> Option<Value> {
    let text = match method {
        "Recommend" => include_str!("examples/Recommend.json"),
        "GetModelInfo" => include_str!("examples/GetModelInfo.json"),
        "ListSkills" => include_str!("examples/ListSkills.json"),
        "ListCareerPaths" => include_str!("examples/ListCareerPaths.json"),
        "GetCareerPath" => include_str!("examples/GetCareerPath.json"),
        "ListWorkSettings" => include_str!("examples/ListWorkSettings.json"),
        "ListCredentials" => include_str!("examples/ListCredentials.json"),
        "ListOccupations" => include_str!("examples/ListOccupations.json"),
        "ListPrograms" => include_str!("examples/ListPrograms.json"),
        "GetProgram" => include_str!("examples/GetProgram.json"),
        _ => return None,
    };
    Some(serde_json::from_str(text).expect("a recorded answer is JSON"))
}

/// An answer as the document shows it: every list, at any depth, cut to
/// its first two entries.
pub(crate) fn shown(mut answer: Value) -> Value {
    cut(&mut answer);
    answer
}

fn cut(value: &mut Value) {
    match value {
        Value::Array(items) => {
            items.truncate(2);
            items.iter_mut().for_each(cut);
        }
        Value::Object(fields) => fields.values_mut().for_each(cut),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_cut_to_two_at_any_depth() {
        let answer = json!({"a": [1, 2, 3], "b": {"c": [[1, 2, 3], [4], [5]]}, "d": "x"});
        assert_eq!(
            shown(answer),
            json!({"a": [1, 2], "b": {"c": [[1, 2], [4]]}, "d": "x"})
        );
    }
}
