//! A JSON body read against the contract before it is decoded: every
//! field of the wrong type named (all of them, by the field's path), the
//! keys the contract does not have set aside, and enum values written as
//! the short words the rest of the project prints (`"some_college"`,
//! `"public"`, `"find_work"`, any case) turned into their enum names.

use prost_reflect::{EnumDescriptor, FieldDescriptor, Kind, MessageDescriptor};
use serde_json::{Map, Value};

/// What reading a body's shape found.
#[derive(Debug, Default)]
pub(crate) struct Shape {
    /// Paths of keys no field of the contract has, removed from the body.
    pub(crate) unknown: Vec<String>,
    /// A field's path and what its value should be, for each value of the
    /// wrong type.
    pub(crate) wrong: Vec<(String, String)>,
}

/// Reads `value`, a message of type `desc`, in place.
pub(crate) fn read(desc: &MessageDescriptor, value: &mut Value) -> Shape {
    let mut shape = Shape::default();
    match value {
        Value::Object(object) => message(desc, object, "", &mut shape),
        _ => shape
            .wrong
            .push(("body".to_owned(), "must be a JSON object".to_owned())),
    }
    shape
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

fn message(desc: &MessageDescriptor, object: &mut Map<String, Value>, path: &str, out: &mut Shape) {
    let mut unknown = Vec::new();
    for (key, value) in object.iter_mut() {
        let Some(field) = desc
            .get_field_by_json_name(key)
            .or_else(|| desc.get_field_by_name(key))
        else {
            out.unknown.push(join(path, key));
            unknown.push(key.clone());
            continue;
        };
        let name = join(path, field.name());
        if value.is_null() {
            continue;
        }
        if field.is_map() {
            let Value::Object(entries) = value else {
                out.wrong.push((name, "must be a JSON object".to_owned()));
                continue;
            };
            let Kind::Message(entry) = field.kind() else {
                continue;
            };
            let value_field = entry.map_entry_value_field();
            for (k, v) in entries.iter_mut() {
                single(&value_field, v, &format!("{name}[{k}]"), out);
            }
        } else if field.is_list() {
            let Value::Array(items) = value else {
                out.wrong.push((name, "must be a JSON array".to_owned()));
                continue;
            };
            for (i, item) in items.iter_mut().enumerate() {
                single(&field, item, &format!("{name}[{i}]"), out);
            }
        } else {
            single(&field, value, &name, out);
        }
    }
    for key in unknown {
        object.remove(&key);
    }
}

/// One value of `field`'s kind (an element, when the field repeats).
fn single(field: &FieldDescriptor, value: &mut Value, path: &str, out: &mut Shape) {
    let problem = match field.kind() {
        Kind::Message(desc) => {
            // Well-known types have JSON forms of their own, left to the
            // decoder.
            if desc.full_name().starts_with("google.protobuf.") {
                return;
            }
            match value {
                Value::Object(object) => return message(&desc, object, path, out),
                _ => "must be a JSON object",
            }
        }
        Kind::Enum(desc) => match enum_value(&desc, value) {
            Ok(()) => return,
            Err(problem) => {
                out.wrong.push((path.to_owned(), problem));
                return;
            }
        },
        Kind::String => match value {
            Value::String(_) => return,
            _ => "must be a string",
        },
        Kind::Bool => match value {
            Value::Bool(_) => return,
            _ => "must be true or false",
        },
        Kind::Bytes => match value {
            Value::String(_) => return,
            _ => "must be a base64 string",
        },
        Kind::Double | Kind::Float => match value {
            Value::Number(_) => return,
            Value::String(s)
                if s.parse::<f64>().is_ok() || ["NaN", "Infinity", "-Infinity"].contains(&&**s) =>
            {
                return
            }
            _ => "must be a number",
        },
        Kind::Uint32 | Kind::Fixed32 | Kind::Uint64 | Kind::Fixed64 => {
            match whole(value).map(|n| n >= 0.0) {
                Some(true) => return,
                Some(false) => "must be a whole number, 0 or more",
                None => "must be a whole number",
            }
        }
        Kind::Int32
        | Kind::Sint32
        | Kind::Sfixed32
        | Kind::Int64
        | Kind::Sint64
        | Kind::Sfixed64 => match whole(value) {
            Some(_) => return,
            None => "must be a whole number",
        },
    };
    out.wrong.push((path.to_owned(), problem.to_owned()));
}

/// A JSON number or numeric string that is a whole number, as a float.
fn whole(value: &Value) -> Option<f64> {
    let n = match value {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => s.trim().parse::<f64>().ok()?,
        _ => return None,
    };
    (n.fract() == 0.0).then_some(n)
}

/// Checks an enum value, rewriting a short word as the enum name it
/// stands for; the error lists the words taken.
fn enum_value(desc: &EnumDescriptor, value: &mut Value) -> Result<(), String> {
    let prefix = enum_prefix(desc);
    let words = || {
        let names: Vec<String> = desc
            .values()
            .filter(|v| v.number() != 0)
            .map(|v| {
                v.name()
                    .strip_prefix(&prefix)
                    .unwrap_or(v.name())
                    .to_ascii_lowercase()
            })
            .map(|w| format!("\"{w}\""))
            .collect();
        format!("must be one of {}", names.join(", "))
    };
    match value {
        Value::Number(n) if n.as_i64().is_some_and(|n| i32::try_from(n).is_ok()) => Ok(()),
        Value::String(s) => {
            if desc.get_value_by_name(s).is_some() {
                return Ok(());
            }
            let wanted = format!(
                "{prefix}{}",
                s.trim().to_ascii_uppercase().replace(' ', "_")
            );
            match desc.get_value_by_name(&wanted) {
                Some(v) if v.number() != 0 => {
                    *s = v.name().to_owned();
                    Ok(())
                }
                _ => Err(format!("{s:?} is not known: {}", words())),
            }
        }
        _ => Err(words()),
    }
}

/// The prefix every value of a proto3 enum carries: its name in upper
/// snake case, e.g. `EDUCATION_LEVEL_` for `EducationLevel`.
fn enum_prefix(desc: &EnumDescriptor) -> String {
    let mut prefix = String::new();
    for (i, c) in desc.name().chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            prefix.push('_');
        }
        prefix.push(c.to_ascii_uppercase());
    }
    prefix.push('_');
    prefix
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::connect::codec::Codec;

    fn recommend() -> MessageDescriptor {
        Codec::new()
            .unwrap()
            .method("/himrec.v1.Recommender/Recommend")
            .unwrap()
            .input()
    }

    #[test]
    fn short_words_become_enum_names_and_every_wrong_type_is_named() {
        let mut body = serde_json::json!({
            "profile": {"highestEducation": "some_college", "goal": "Find_Work",
                        "skills": {"clinical_coding": "high", "ehr_systems": 0.5},
                        "credentials": ["CCA", 3], "nickname": "Jo"},
            "maxPrograms": "ten",
            "language": "LANGUAGE_ES",
        });
        let shape = read(&recommend(), &mut body);
        assert_eq!(
            body["profile"]["highestEducation"],
            "EDUCATION_LEVEL_SOME_COLLEGE"
        );
        assert_eq!(body["profile"]["goal"], "GOAL_FIND_WORK");
        assert_eq!(body["language"], "LANGUAGE_ES");
        assert_eq!(shape.unknown, ["profile.nickname"]);
        assert!(body["profile"].get("nickname").is_none());
        let fields: Vec<&str> = shape.wrong.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            [
                "max_programs",
                "profile.credentials[1]",
                "profile.skills[clinical_coding]"
            ]
        );

        let mut bad = serde_json::json!({"profile": {"goal": "retire"}});
        let shape = read(&recommend(), &mut bad);
        assert_eq!(shape.wrong[0].0, "profile.goal");
        assert!(
            shape.wrong[0].1.contains("\"find_work\""),
            "{:?}",
            shape.wrong
        );
        // The unspecified value is not a word a person chooses.
        let mut unspecified = serde_json::json!({"profile": {"goal": "unspecified"}});
        assert_eq!(read(&recommend(), &mut unspecified).wrong.len(), 1);
    }
}
