//! Fuzzing the wire layer: arbitrary multipart frames through signature
//! verification and lenient parsing, then the field readers and a reply.
//!
//! Input layout: byte 0 holds flags, the rest is split into frames at `0xFF`
//! bytes (never part of UTF-8 JSON). Flag 1 re-signs the frames after the
//! delimiter with the session key, so the fuzzer reaches the JSON parsing
//! instead of stopping at the HMAC; flag 2 uses an unsigned session.

use crate::kernel::wire::{self, bool_field, int_field, str_field};
use bytes::Bytes;
use ring::hmac;

const KEY: &[u8] = b"fuzz-session-key";
const DELIMITER: &[u8] = b"<IDS|MSG>";

/// One fuzz case; panics if an accepted message was not correctly signed or
/// if any step panics.
pub fn one(data: &[u8]) {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let mut frames: Vec<Vec<u8>> = rest.split(|&b| b == 0xFF).map(<[u8]>::to_vec).collect();
    let key = (flags & 2 == 0).then(|| hmac::Key::new(hmac::HMAC_SHA256, KEY));
    let delim = frames.iter().position(|f| f == DELIMITER);
    if flags & 1 != 0 {
        if let (Some(d), Some(k)) = (delim, &key) {
            if frames.len() >= d + 6 {
                frames[d + 1] = sign(k, &frames[d + 2..d + 6]).into_bytes();
            }
        }
    }
    let parts: Vec<Bytes> = frames.iter().cloned().map(Bytes::from).collect();
    let Ok(msg) = zeromq::ZmqMessage::try_from(parts) else {
        return; // zero frames: not a message the socket could deliver
    };
    let Ok(inc) = wire::parse(msg, &key) else {
        return;
    };
    // Accepted: the signature must be the HMAC of exactly these four frames.
    let d = delim.expect("an accepted message has a delimiter");
    if let Some(k) = &key {
        assert!(frames.len() >= d + 6, "accepted with too few frames");
        let expected = sign(k, &frames[d + 2..d + 6]);
        assert_eq!(
            frames[d + 1],
            expected.as_bytes(),
            "accepted a message with a wrong signature"
        );
    }
    // What the executor reads from any request, and a reply built on it.
    let c = &inc.content;
    let _ = (
        str_field(c, "code", ""),
        bool_field(c, "silent", false),
        int_field(c, "cursor_pos", 0),
    );
    let reply = wire::message(
        &format!("{}_reply", inc.msg_type),
        serde_json::json!({"status": "ok", "echo": c}),
        Some(&inc.msg),
    );
    serde_json::to_vec(&reply.content).expect("a reply serializes");
    assert_eq!(
        reply.parent_header.as_ref().map(|h| &h.msg_id),
        Some(&inc.msg.header.msg_id)
    );
}

fn sign(key: &hmac::Key, parts: &[Vec<u8>]) -> String {
    let mut ctx = hmac::Context::with_key(key);
    for p in parts {
        ctx.update(p);
    }
    ctx.sign()
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A correctly signed request of `msg_type` with JSON `content`, in this
/// target's input layout (a seed for corpora and the replay test).
pub fn seed(msg_type: &str, content: &str) -> Vec<u8> {
    let header = format!(
        r#"{{"msg_id":"m1","msg_type":"{msg_type}","session":"s","username":"u","version":"5.3","date":"2026-01-01T00:00:00Z"}}"#
    );
    let frames: [&[u8]; 7] = [
        b"client",
        DELIMITER,
        b"",
        header.as_bytes(),
        b"{}",
        b"{}",
        content.as_bytes(),
    ];
    let mut out = vec![1u8];
    out.extend(frames.join(&0xFFu8));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_is_accepted_and_a_tampered_one_is_not() {
        let good = seed("execute_request", r#"{"code":"1"}"#);
        one(&good);
        let mut unsigned = good.clone();
        unsigned[0] = 0; // keep the empty signature: must be rejected, never panic
        one(&unsigned);
        one(&[]);
        one(&[1, 0xFF, 0xFF]);
    }
}
