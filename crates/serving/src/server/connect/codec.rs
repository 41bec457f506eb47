//! The proto3 JSON mapping of the contract's messages, and gRPC's message
//! framing: what turns a Connect unary body into a gRPC call and back.
//!
//! A method's messages are read and written by the serde code generated for
//! them (pbjson); the descriptors `proto/` compiles to (prost-reflect) read
//! the shape of a body that code refuses, and the error details.

use std::collections::HashMap;

use bytes::{BufMut, Bytes, BytesMut};
use prost::Message;
use prost_reflect::{DescriptorPool, DynamicMessage, MessageDescriptor, MethodDescriptor};

use super::shape;
use crate::pb;

/// How a body is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// `application/json`: the proto3 JSON mapping.
    Json,
    /// `application/proto`: the binary wire format.
    Proto,
}

impl Encoding {
    /// The content type of a body so written.
    pub(crate) fn content_type(self) -> &'static str {
        match self {
            Self::Json => "application/json",
            Self::Proto => "application/proto",
        }
    }
}

/// A message type's JSON mapping, by its generated code.
#[derive(Debug, Clone, Copy)]
struct Typed {
    /// A JSON value as the message's wire bytes; refuses fields
    /// the contract does not have.
    from_json: fn(serde_json::Value) -> Result<Vec<u8>, serde_json::Error>,
    /// A JSON body as the message's wire bytes, read straight from its text.
    from_text: fn(&[u8]) -> Result<Vec<u8>, serde_json::Error>,
    /// The message's wire bytes as JSON.
    to_json: fn(&[u8]) -> Result<Vec<u8>, String>,
}

fn from_json<M: Message + serde::de::DeserializeOwned>(
    value: serde_json::Value,
) -> Result<Vec<u8>, serde_json::Error> {
    serde_json::from_value::<M>(value).map(|m| m.encode_to_vec())
}

fn from_text<M: Message + serde::de::DeserializeOwned>(
    body: &[u8],
) -> Result<Vec<u8>, serde_json::Error> {
    serde_json::from_slice::<M>(body).map(|m| m.encode_to_vec())
}

fn to_json<M: Message + Default + serde::Serialize>(wire: &[u8]) -> Result<Vec<u8>, String> {
    let message = M::decode(wire).map_err(|e| e.to_string())?;
    // The JSON of an answer takes a little over twice its wire bytes:
    // room for it at once, not grown by copies.
    let mut out = Vec::with_capacity(wire.len() * 5 / 2 + 64);
    serde_json::to_writer(&mut out, &message).map_err(|e| e.to_string())?;
    Ok(out)
}

/// Every message a method takes or gives, by its full name (the list is
/// written from the descriptors when the crate is built).
fn typed() -> HashMap<&'static str, Typed> {
    macro_rules! typed {
        ($($name:literal => $ty:ident,)*) => {
            [$((
                $name,
                Typed {
                    from_json: from_json::<pb::$ty>,
                    from_text: from_text::<pb::$ty>,
                    to_json: to_json::<pb::$ty>,
                },
            ),)*]
        };
    }
    include!(concat!(env!("OUT_DIR"), "/himrec_method_messages.rs"))
        .into_iter()
        .collect()
}

/// The contract's descriptors, with the error details they can carry, and
/// the JSON mapping of each method's messages.
#[derive(Debug, Clone)]
pub(crate) struct Codec {
    pool: DescriptorPool,
    typed: HashMap<&'static str, Typed>,
}

impl Codec {
    pub(crate) fn new() -> Result<Self, prost_reflect::DescriptorError> {
        let mut pool = DescriptorPool::new();
        pool.decode_file_descriptor_set(tonic_types::pb::FILE_DESCRIPTOR_SET)?;
        pool.decode_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)?;
        Ok(Self {
            pool,
            typed: typed(),
        })
    }

    /// The JSON mapping of a method's message.
    fn typed(&self, desc: &MessageDescriptor) -> Result<Typed, String> {
        self.typed
            .get(desc.full_name())
            .copied()
            .ok_or_else(|| format!("{} has no JSON mapping", desc.full_name()))
    }

    /// The descriptors.
    pub(crate) fn pool(&self) -> &DescriptorPool {
        &self.pool
    }

    /// The method a path such as `/himrec.v1.Recommender/Recommend` names.
    pub(crate) fn method(&self, path: &str) -> Option<MethodDescriptor> {
        let (service, method) = path.strip_prefix('/')?.split_once('/')?;
        self.pool
            .get_service_by_name(service)?
            .methods()
            .find(|m| m.name() == method)
    }

    /// A request body as the message's wire bytes, with the JSON fields
    /// the contract does not have, which are ignored (by their paths, e.g.
    /// `applicantId`, `profile.nickname`); the error names each field at
    /// fault, or `body` when it is not a message at all.
    pub(crate) fn decode(
        &self,
        desc: MessageDescriptor,
        body: &[u8],
        encoding: Encoding,
    ) -> Result<Decoded, Vec<Fault>> {
        let message = match encoding {
            Encoding::Json => {
                let typed = self.typed(&desc).map_err(|e| vec![Fault::body(e)])?;
                return decode_json(typed, &desc, body);
            }
            Encoding::Proto => DynamicMessage::decode(desc, body)
                .map_err(|e| vec![Fault::body(format!("not a valid binary message: {e}"))])?,
        };
        Ok(Decoded {
            wire: message.encode_to_vec(),
            unknown: Vec::new(),
        })
    }

    /// A response message's wire bytes, written in `encoding`.
    pub(crate) fn encode(
        &self,
        desc: MessageDescriptor,
        wire: Bytes,
        encoding: Encoding,
    ) -> Result<Bytes, String> {
        match encoding {
            Encoding::Proto => Ok(wire),
            // Every field is written, empty lists and zeros too (low-code
            // tools fail on a missing one); fields with presence stay
            // absent when unknown.
            Encoding::Json => (self.typed(&desc)?.to_json)(&wire).map(Bytes::from),
        }
    }

    /// A message of a type the pool knows, as JSON, for error details.
    pub(crate) fn to_json(&self, type_name: &str, wire: &[u8]) -> Option<serde_json::Value> {
        let desc = self.pool.get_message_by_name(type_name)?;
        let message = DynamicMessage::decode(desc, wire).ok()?;
        serde_json::to_value(&message).ok()
    }
}

/// A decoded request: its wire bytes, and the JSON fields it had that the
/// contract does not.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub(crate) wire: Vec<u8>,
    pub(crate) unknown: Vec<String>,
}

/// A JSON body as a message. The body is read strictly first, the common
/// case; only when that fails is its shape read against the contract, to
/// name every field of the wrong type, set aside the fields the contract
/// does not have and take enum values as short words.
fn decode_json(typed: Typed, desc: &MessageDescriptor, body: &[u8]) -> Result<Decoded, Vec<Fault>> {
    let invalid =
        |e: &dyn std::fmt::Display| vec![Fault::body(format!("not a valid JSON message: {e}"))];
    if let Ok(wire) = (typed.from_text)(body) {
        return Ok(Decoded {
            wire,
            unknown: Vec::new(),
        });
    }
    let mut value: serde_json::Value = serde_json::from_slice(body).map_err(|e| invalid(&e))?;
    let shape = shape::read(desc, &mut value);
    if !shape.wrong.is_empty() {
        return Err(shape
            .wrong
            .into_iter()
            .map(|(field, description)| Fault { field, description })
            .collect());
    }
    let wire = (typed.from_json)(value).map_err(|e| invalid(&e))?;
    Ok(Decoded {
        wire,
        unknown: shape.unknown,
    })
}

/// A field of a request body at fault, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fault {
    pub(crate) field: String,
    pub(crate) description: String,
}

impl Fault {
    fn body(description: String) -> Self {
        Self {
            field: "body".to_owned(),
            description,
        }
    }
}

/// One gRPC length-prefixed message: uncompressed, its length, itself.
pub(crate) fn frame(message: &[u8]) -> Bytes {
    let mut out = BytesMut::with_capacity(message.len() + 5);
    out.put_u8(0);
    out.put_u32(message.len() as u32);
    out.put_slice(message);
    out.freeze()
}

/// The first gRPC message of a response body; `None` when the body is not
/// one uncompressed message.
pub(crate) fn unframe(body: &Bytes) -> Option<Bytes> {
    let header = body.get(..5)?;
    if header[0] != 0 {
        return None;
    }
    let length = u32::from_be_bytes([header[1], header[2], header[3], header[4]]) as usize;
    (body.len() >= 5 + length).then(|| body.slice(5..5 + length))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_and_json_maps_both_ways() {
        let message = b"\x08\x01";
        assert_eq!(unframe(&frame(message)).unwrap().as_ref(), message);
        assert!(unframe(&Bytes::from_static(b"\x01\x00\x00\x00\x00")).is_none());

        let codec = Codec::new().unwrap();
        let method = codec.method("/himrec.v1.Catalog/GetProgram").unwrap();
        let decoded = codec
            .decode(
                method.input(),
                br#"{"unitid": 102845, "credentialLevel": 3}"#,
                Encoding::Json,
            )
            .unwrap();
        let request = pb::GetProgramRequest::decode(decoded.wire.as_slice()).unwrap();
        assert_eq!((request.unitid, request.credential_level), (102845, 3));
        assert!(decoded.unknown.is_empty());
        // proto field names are accepted too; unknown ones are ignored and
        // named, at any depth.
        assert!(codec
            .decode(
                method.input(),
                br#"{"credential_level": 3}"#,
                Encoding::Json
            )
            .is_ok());
        let unknown = codec
            .decode(
                method.input(),
                br#"{"unit": 1, "unitid": 7}"#,
                Encoding::Json,
            )
            .unwrap();
        assert_eq!(unknown.unknown, ["unit"]);
        let recommend = codec.method("/himrec.v1.Recommender/Recommend").unwrap();
        let nested = codec
            .decode(
                recommend.input(),
                br#"{"applicantId": "a-1", "profile": {"nickname": "Jo", "state": "OH"}}"#,
                Encoding::Json,
            )
            .unwrap();
        assert_eq!(nested.unknown, ["applicantId", "profile.nickname"]);
        // A value of the wrong type is still refused.
        assert!(codec
            .decode(
                recommend.input(),
                br#"{"extra": 1, "profile": {"state": 5}}"#,
                Encoding::Json
            )
            .is_err());
        assert!(codec.method("/himrec.v1.Catalog/Nothing").is_none());

        // Every method's messages have their generated JSON mapping.
        for service in codec.pool.services() {
            for method in service.methods() {
                for message in [method.input(), method.output()] {
                    assert!(codec.typed(&message).is_ok(), "{}", message.full_name());
                }
            }
        }
    }
}
