//! The `kernel_info_reply` content: who we are and how frontends should treat the language.

use super::wire::PROTOCOL_VERSION;
use serde_json::{json, Value};

/// Content of `kernel_info_reply`.
pub fn kernel_info() -> Value {
    json!({
        "status": "ok",
        "protocol_version": PROTOCOL_VERSION,
        "implementation": "tessera",
        "implementation_version": env!("CARGO_PKG_VERSION"),
        "language_info": {
            "name": "tessera",
            "version": env!("CARGO_PKG_VERSION"),
            "mimetype": "text/x-python",
            "file_extension": ".py",
            "pygments_lexer": "python3",
            "codemirror_mode": "python",
            "nbconvert_exporter": "python",
        },
        "banner": format!(
            "Tessera {} — lazy chunked arrays, Dask-style, in Rust (no GIL)",
            env!("CARGO_PKG_VERSION")
        ),
        "help_links": [],
        "debugger": false,
    })
}
