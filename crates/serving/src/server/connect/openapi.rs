//! The OpenAPI 3.1 document of the door, written from the same descriptors
//! the door reads: a path per unary method, a schema per message in the
//! proto3 JSON mapping, and Connect's error; each operation, message and
//! field described by its comment in `proto/`, the limits the services
//! check written into the schemas, and a request example per operation with
//! the answer it gets (see [`examples`]). `docs/openapi.json` is this
//! document, committed (`himrec openapi` writes it; a test holds them
//! equal).

use std::collections::BTreeMap;

use prost_reflect::{FieldDescriptor, FileDescriptor, Kind, MessageDescriptor};
use serde_json::{json, Value};

use super::codec::Codec;
use super::examples;
use himrec_domain::catalog::MAX_PAGE_SIZE;
use himrec_domain::profile::MAX_YEARS;
use himrec_domain::rank::LIMITS;

/// The comment above the element at `path` of `file`, on one line.
fn comment(file: &FileDescriptor, path: &[i32]) -> Option<String> {
    let info = file.file_descriptor_proto().source_code_info.as_ref()?;
    let location = info.location.iter().find(|l| l.path == path)?;
    let text = location
        .leading_comments
        .as_deref()?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!text.is_empty()).then_some(text)
}

/// `schema` with `description`, where there is one.
fn described(mut schema: Value, description: Option<String>) -> Value {
    if let (Some(text), Some(object)) = (description, schema.as_object_mut()) {
        object.insert("description".to_owned(), Value::String(text));
    }
    schema
}

/// What the services check of a field beyond its type, by its full name.
fn limits(field: &FieldDescriptor) -> Option<Value> {
    let name = field.full_name();
    let count = |max: usize| json!({"minimum": 0, "maximum": max});
    let unit = json!({"minimum": 0, "maximum": 1});
    if let Some(&(_, _, max)) = LIMITS
        .iter()
        .find(|(limit, _, _)| name == format!("himrec.v1.RecommendRequest.{limit}"))
    {
        return Some(count(max));
    }
    match (field.parent_message().full_name(), name) {
        (_, "himrec.v1.ListProgramsRequest.page_size") => Some(count(MAX_PAGE_SIZE as usize)),
        (_, "himrec.v1.Profile.years_experience") => {
            Some(json!({"minimum": 0, "maximum": MAX_YEARS}))
        }
        // RIASEC scores in [0, 1]; Interest Profiler area scores 0-40.
        ("himrec.v1.RiasecScores", _) => Some(unit),
        ("himrec.v1.InterestProfilerScores", _) => Some(count(40)),
        _ => None,
    }
}

/// An answer's media type: its schema, and the recorded answer to the
/// request example where there is one.
fn answer_content(schema: Value, method: &str) -> Value {
    match examples::response(method) {
        Some(answer) => json!({
            "schema": schema,
            "examples": {"recorded": {
                "summary": "The answer to the request example",
                "description": examples::RECORDED,
                "value": answer
            }}
        }),
        None => json!({"schema": schema}),
    }
}

/// The package whose services the door serves.
const PACKAGE: &str = "himrec.v1";

/// The document.
pub(crate) fn document(codec: &Codec) -> Value {
    let pool = codec.pool();
    let mut paths = BTreeMap::new();
    let mut schemas = BTreeMap::new();
    for service in pool.services().filter(|s| s.package_name() == PACKAGE) {
        for method in service.methods() {
            if method.is_client_streaming() || method.is_server_streaming() {
                continue;
            }
            collect(&method.input(), &mut schemas);
            collect(&method.output(), &mut schemas);
            let reference = |m: &MessageDescriptor| json!({"$ref": format!("#/components/schemas/{}", m.full_name())});
            let description = comment(&method.parent_file(), method.path()).unwrap_or_default();
            let operation = json!({
                "post": {
                    "operationId": format!("{}_{}", service.name(), method.name()),
                    "tags": [service.name()],
                    "summary": format!("{}.{}", service.name(), method.name()),
                    "description": description,
                    "parameters": [
                        {"$ref": "#/components/parameters/ConnectTimeoutMs"},
                        {"$ref": "#/components/parameters/ConnectProtocolVersion"}
                    ],
                    "requestBody": {
                        "required": true,
                        "content": {
                            "application/json": {
                                "schema": reference(&method.input()),
                                "example": examples::request(method.name())
                            }
                        }
                    },
                    "responses": {
                        "200": {
                            "description": "The answer.",
                            "content": {
                                "application/json": answer_content(
                                    reference(&method.output()),
                                    method.name(),
                                )
                            }
                        },
                        "default": {"$ref": "#/components/responses/ConnectError"}
                    }
                }
            });
            paths.insert(
                format!("/{}/{}", service.full_name(), method.name()),
                operation,
            );
        }
    }
    schemas.insert("connect.Error".to_owned(), connect_error());
    schemas.insert(
        "health.Status".to_owned(),
        json!({
            "type": "object",
            "properties": {"status": {"type": "string", "enum": ["SERVING", "NOT_SERVING"]}},
            "required": ["status"]
        }),
    );
    let status =
        json!({"application/json": {"schema": {"$ref": "#/components/schemas/health.Status"}}});
    paths.insert(
        "/healthz".to_owned(),
        json!({"get": {
            "operationId": "Health_Live",
            "tags": ["Health"],
            "security": [],
            "summary": "Liveness: 200 while the process serves; needs no key.",
            "responses": {"200": {"description": "Serving.", "content": status}}
        }}),
    );
    paths.insert(
        "/readyz".to_owned(),
        json!({"get": {
            "operationId": "Health_Ready",
            "tags": ["Health"],
            "security": [],
            "summary": "Readiness: 200 while the services serve, 503 when the health service says they do not (at shutdown the listener also closes, so a probe is refused); needs no key.",
            "responses": {
                "200": {"description": "Serving.", "content": status},
                "503": {"description": "Not serving.", "content": status}
            }
        }}),
    );
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "himrec",
            "version": "v1",
            "description": "Health Information Management career recommendations over HTTP and JSON: every unary method of proto/himrec/v1 as the Connect protocol's unary form (POST, Content-Type application/json, the proto3 JSON mapping). The same methods over gRPC take the same messages. Calls with an API key send it as Authorization: Bearer <token>."
        },
        "servers": [
            {"url": "http://127.0.0.1:50051", "description": "himrec serve on its default address"}
        ],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"}
            },
            "parameters": {
                "ConnectTimeoutMs": {
                    "name": "Connect-Timeout-Ms",
                    "in": "header",
                    "required": false,
                    "description": "The call's deadline in milliseconds.",
                    "schema": {"type": "string", "pattern": "^[1-9][0-9]{0,9}$"}
                },
                "ConnectProtocolVersion": {
                    "name": "Connect-Protocol-Version",
                    "in": "header",
                    "required": false,
                    "schema": {"type": "string", "enum": ["1"]}
                }
            },
            "responses": {
                "ConnectError": {
                    "description": "A Connect error: the HTTP status follows the code.",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/connect.Error"}}
                    }
                }
            }
        },
        "security": [{}, {"bearer": []}]
    })
}

/// Adds the schema of `message` and of every message it holds.
fn collect(message: &MessageDescriptor, schemas: &mut BTreeMap<String, Value>) {
    let name = message.full_name().to_owned();
    if schemas.contains_key(&name) || well_known(&name).is_some() {
        return;
    }
    schemas.insert(name.clone(), Value::Null);
    let file = message.parent_file();
    let mut properties = serde_json::Map::new();
    for field in message.fields() {
        let mut schema = field_schema(&field);
        if field.full_name() == "himrec.v1.Profile.skills" {
            schema["additionalProperties"] = json!({"type": "number", "minimum": 0, "maximum": 1});
        }
        if let (Some(Value::Object(extra)), Some(object)) = (limits(&field), schema.as_object_mut())
        {
            object.extend(extra);
        }
        let schema = described(schema, comment(&file, field.path()));
        properties.insert(field.json_name().to_owned(), schema);
        if let Kind::Message(inner) = field.kind() {
            if field.is_map() {
                if let Kind::Message(value) = inner.map_entry_value_field().kind() {
                    collect(&value, schemas);
                }
            } else {
                collect(&inner, schemas);
            }
        }
    }
    let schema = json!({"type": "object", "additionalProperties": false, "properties": properties});
    schemas.insert(name, described(schema, comment(&file, message.path())));
}

/// The schema of a field's JSON value.
fn field_schema(field: &FieldDescriptor) -> Value {
    if field.is_map() {
        let Kind::Message(entry) = field.kind() else {
            unreachable!("a map field's kind is its entry message")
        };
        return json!({
            "type": "object",
            "additionalProperties": kind_schema(&entry.map_entry_value_field().kind())
        });
    }
    let value = kind_schema(&field.kind());
    if field.is_list() {
        json!({"type": "array", "items": value})
    } else {
        value
    }
}

/// The schema of one value of a kind in the proto3 JSON mapping.
fn kind_schema(kind: &Kind) -> Value {
    match kind {
        Kind::Double | Kind::Float => json!({"type": "number"}),
        Kind::Int32 | Kind::Sint32 | Kind::Sfixed32 => {
            json!({"type": "integer", "format": "int32"})
        }
        Kind::Uint32 | Kind::Fixed32 => {
            json!({"type": "integer", "minimum": 0, "maximum": 4_294_967_295u64})
        }
        Kind::Int64 | Kind::Sint64 | Kind::Sfixed64 => {
            json!({"type": "string", "pattern": "^-?[0-9]{1,19}$", "format": "int64"})
        }
        Kind::Uint64 | Kind::Fixed64 => {
            json!({"type": "string", "pattern": "^[0-9]{1,20}$", "format": "uint64"})
        }
        Kind::Bool => json!({"type": "boolean"}),
        Kind::String => json!({"type": "string"}),
        Kind::Bytes => json!({"type": "string", "contentEncoding": "base64"}),
        Kind::Enum(e) => json!({
            "type": "string",
            "enum": e.values().map(|v| v.name().to_owned()).collect::<Vec<_>>()
        }),
        Kind::Message(m) => well_known(m.full_name())
            .unwrap_or_else(|| json!({"$ref": format!("#/components/schemas/{}", m.full_name())})),
    }
}

/// The JSON schema of a well-known type the contract uses.
fn well_known(name: &str) -> Option<Value> {
    match name {
        "google.protobuf.Timestamp" => Some(json!({"type": "string", "format": "date-time"})),
        _ => None,
    }
}

/// Connect's error body.
fn connect_error() -> Value {
    json!({
        "type": "object",
        "required": ["code"],
        "properties": {
            "code": {"type": "string", "enum": [
                "canceled", "unknown", "invalid_argument", "deadline_exceeded", "not_found",
                "already_exists", "permission_denied", "resource_exhausted",
                "failed_precondition", "aborted", "out_of_range", "unimplemented", "internal",
                "unavailable", "data_loss", "unauthenticated"
            ]},
            "message": {"type": "string"},
            "details": {"type": "array", "items": {
                "type": "object",
                "properties": {
                    "type": {"type": "string", "description": "e.g. google.rpc.BadRequest"},
                    "value": {"type": "string", "contentEncoding": "base64"},
                    "debug": {"type": "object"}
                }
            }}
        }
    })
}

/// The same document as OpenAPI 3.0.3, for tools that read no later one
/// (Salesforce External Services, most generators): `byte` for base64,
/// a `$ref` alone (3.0 ignores what stands beside one; the schema it names
/// carries the description), and no 3.1-only keys.
pub(crate) fn document_30(codec: &Codec) -> Value {
    let mut document = document(codec);
    document["openapi"] = json!("3.0.3");
    down_to_30(&mut document);
    document
}

fn down_to_30(value: &mut Value) {
    match value {
        Value::Object(object) => {
            if object.contains_key("$ref") {
                object.retain(|k, _| k == "$ref");
                return;
            }
            if object.remove("contentEncoding").is_some() {
                object.insert("format".to_owned(), json!("byte"));
            }
            // Examples are values, not schemas: left as they are.
            for (key, inner) in object.iter_mut() {
                if key != "example" && key != "examples" {
                    down_to_30(inner);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(down_to_30),
        _ => {}
    }
}
