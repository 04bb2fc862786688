//! Raw frames ⇄ messages. Signatures are verified with the crate's constant-time
//! HMAC check; content is parsed leniently here (missing optional fields get
//! defaults) instead of by the crate's strict typed structs, and every outgoing
//! message is built from exact JSON so no field is ever `null` by accident.

use super::error::KernelError;
use jupyter_protocol::{Header, JupyterMessage, UnknownMessage};
use jupyter_zmq_client::RawMessage;
use ring::hmac;
use serde_json::{json, Map, Value};

/// The protocol version Tessera speaks.
pub const PROTOCOL_VERSION: &str = "5.3";

/// A verified incoming request: the message (for replies: header, routing ids)
/// and its content as JSON.
#[derive(Clone, Debug)]
pub struct Incoming {
    /// The message; `content` inside it is an `UnknownMessage` wrapper of `content` below.
    pub msg: JupyterMessage,
    /// The request's `msg_type`.
    pub msg_type: String,
    /// The request's content object.
    pub content: Value,
    /// When the kernel received it (the executor aborts, after a failed cell,
    /// only requests that had already arrived when the failure was answered).
    pub received: std::time::Instant,
}

/// Verify and parse one multipart message. A bad or missing signature, a
/// missing delimiter or unparsable header is an error (the caller logs and drops it).
pub fn parse(frames: zeromq::ZmqMessage, key: &Option<hmac::Key>) -> Result<Incoming, KernelError> {
    let raw = RawMessage::from_multipart(frames, key)
        .map_err(|e| KernelError::Rejected(e.to_string()))?;
    let header_json: Value = serde_json::from_slice(&raw.jparts[0])
        .map_err(|e| KernelError::Rejected(format!("header is not JSON: {e}")))?;
    let header = lenient_header(&header_json)?;
    let parent_header = serde_json::from_slice::<Value>(&raw.jparts[1])
        .ok()
        .and_then(|v| lenient_header(&v).ok());
    let metadata = serde_json::from_slice(&raw.jparts[2]).unwrap_or_else(|_| json!({}));
    let content: Value = serde_json::from_slice(&raw.jparts[3]).unwrap_or_else(|_| json!({}));
    let content = if content.is_object() {
        content
    } else {
        json!({})
    };
    let msg_type = header.msg_type.clone();
    let msg = JupyterMessage {
        zmq_identities: raw.zmq_identities,
        header,
        parent_header,
        metadata,
        content: jupyter_protocol::JupyterMessageContent::UnknownMessage(UnknownMessage {
            msg_type: msg_type.clone(),
            content: content.clone(),
        }),
        buffers: raw.jparts.get(4..).map(<[_]>::to_vec).unwrap_or_default(),
        channel: None,
    };
    Ok(Incoming {
        msg,
        msg_type,
        content,
        received: std::time::Instant::now(),
    })
}

/// Parse a header, filling absent optional fields; `msg_id` and `msg_type` are required.
fn lenient_header(v: &Value) -> Result<Header, KernelError> {
    let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let msg_type =
        s("msg_type").ok_or_else(|| KernelError::Rejected("header has no msg_type".into()))?;
    let msg_id = s("msg_id").ok_or_else(|| KernelError::Rejected("header has no msg_id".into()))?;
    let date = v
        .get("date")
        .and_then(Value::as_str)
        .and_then(|d| chrono::DateTime::parse_from_rfc3339(d).ok())
        .map(|d| d.with_timezone(&chrono::Utc))
        .unwrap_or_default();
    Ok(Header {
        msg_id,
        username: s("username").unwrap_or_default(),
        session: s("session").unwrap_or_default(),
        date,
        msg_type,
        version: s("version").unwrap_or_else(|| PROTOCOL_VERSION.to_string()),
    })
}

/// Build an outgoing message of `msg_type` with exact JSON `content`, as a child of `parent`.
pub fn message(msg_type: &str, content: Value, parent: Option<&JupyterMessage>) -> JupyterMessage {
    let content = match content {
        Value::Object(m) => Value::Object(m),
        _ => Value::Object(Map::new()),
    };
    let mut msg = JupyterMessage::new(
        UnknownMessage {
            msg_type: msg_type.to_string(),
            content,
        },
        parent,
    );
    msg.header.username = "tessera".into();
    msg.header.version = PROTOCOL_VERSION.into();
    msg
}

/// Read a string field, with a default.
pub fn str_field<'a>(content: &'a Value, key: &str, default: &'a str) -> &'a str {
    content.get(key).and_then(Value::as_str).unwrap_or(default)
}

/// Read a bool field, with a default.
pub fn bool_field(content: &Value, key: &str, default: bool) -> bool {
    content.get(key).and_then(Value::as_bool).unwrap_or(default)
}

/// Read an integer field, with a default.
pub fn int_field(content: &Value, key: &str, default: i64) -> i64 {
    content.get(key).and_then(Value::as_i64).unwrap_or(default)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    fn frames(key: &str, header: Value, content: Value, sig: Option<&str>) -> zeromq::ZmqMessage {
        let parts: Vec<Vec<u8>> = vec![
            serde_json::to_vec(&header).unwrap(),
            b"{}".to_vec(),
            b"{}".to_vec(),
            serde_json::to_vec(&content).unwrap(),
        ];
        let signature = match sig {
            Some(s) => s.to_string(),
            None if key.is_empty() => String::new(),
            None => {
                let k = hmac::Key::new(hmac::HMAC_SHA256, key.as_bytes());
                let mut ctx = hmac::Context::with_key(&k);
                for p in &parts {
                    ctx.update(p);
                }
                data_encoding::HEXLOWER.encode(ctx.sign().as_ref())
            }
        };
        let mut all: Vec<Bytes> = vec![
            Bytes::from_static(b"client-id"),
            Bytes::from_static(b"<IDS|MSG>"),
            Bytes::from(signature.into_bytes()),
        ];
        all.extend(parts.into_iter().map(Bytes::from));
        zeromq::ZmqMessage::try_from(all).unwrap()
    }

    fn key(k: &str) -> Option<hmac::Key> {
        Some(hmac::Key::new(hmac::HMAC_SHA256, k.as_bytes()))
    }

    #[test]
    fn accepts_a_correctly_signed_message_with_minimal_header() {
        let h = json!({"msg_id": "1", "msg_type": "history_request"});
        let c = json!({"hist_access_type": "search", "pattern": "a*"});
        let inc = parse(frames("secret", h, c, None), &key("secret")).unwrap();
        assert_eq!(inc.msg_type, "history_request");
        assert_eq!(str_field(&inc.content, "pattern", ""), "a*");
        assert!(!bool_field(&inc.content, "unique", false));
        assert_eq!(inc.msg.zmq_identities.len(), 1);
    }

    #[test]
    fn rejects_bad_and_missing_signatures() {
        let h = json!({"msg_id": "1", "msg_type": "execute_request", "username": "u", "session": "s", "version": "5.3"});
        let c = json!({"code": "1"});
        let bad = "00".repeat(32);
        assert!(parse(
            frames("secret", h.clone(), c.clone(), Some(&bad)),
            &key("secret")
        )
        .is_err());
        assert!(parse(
            frames("secret", h.clone(), c.clone(), Some("")),
            &key("secret")
        )
        .is_err());
        assert!(parse(frames("other", h.clone(), c.clone(), None), &key("secret")).is_err());
        // Unsigned sessions (empty key) accept an empty signature.
        assert!(parse(frames("", h, c, None), &None).is_ok());
    }

    #[test]
    fn rejects_garbage_without_panicking() {
        let parts = vec![Bytes::from_static(b"no delimiter")];
        let m = zeromq::ZmqMessage::try_from(parts).unwrap();
        assert!(parse(m, &None).is_err());
        let h = json!({"msg_type": "execute_request"});
        assert!(parse(frames("", h, json!({}), None), &None).is_err());
    }

    #[test]
    fn outgoing_content_is_exact_json() {
        let m = message(
            "execute_reply",
            json!({"status": "ok", "user_expressions": {}}),
            None,
        );
        assert_eq!(m.header.msg_type, "execute_reply");
        let v = serde_json::to_value(&m.content).unwrap();
        assert_eq!(v, json!({"status": "ok", "user_expressions": {}}));
    }
}
