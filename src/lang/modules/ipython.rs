//! `IPython`/`IPython.display` (display, clear_output, HTML/Markdown wrappers) and `sys`.

use super::new_module;
use crate::lang::builtins::{self};
use crate::lang::exc::{self};
use crate::lang::value::{Module, Value};

fn copy_builtin(m: &Module, name: &str) {
    if let Some(v) = builtins::lookup(name) {
        m.set(name, v);
    }
}

pub(super) fn ipython_display() -> Value {
    let m = new_module(
        "IPython.display",
        "Public API for display tools in IPython.",
    );
    for n in ["display", "clear_output", "update_display"] {
        copy_builtin(&m, n);
    }
    for (cls, mime) in [
        ("HTML", "text/html"),
        ("Markdown", "text/markdown"),
        ("SVG", "image/svg+xml"),
        ("Latex", "text/latex"),
    ] {
        m.func(
            cls,
            &format!("{cls}(data)"),
            &format!("Wrap {mime} data for display."),
            move |vm, a| {
                let data = match a.pos.first() {
                    Some(v) => vm.str(v)?,
                    None => String::new(),
                };
                Ok(Value::object(RichText { cls, mime, data }))
            },
        );
    }
    Value::Module(m)
}

struct RichText {
    cls: &'static str,
    mime: &'static str,
    data: String,
}

impl crate::lang::value::Object for RichText {
    fn type_name(&self) -> String {
        self.cls.into()
    }
    fn repr(&self) -> String {
        format!("<IPython.core.display.{} object>", self.cls)
    }
    fn mime_bundle(&self) -> crate::display::MimeBundle {
        crate::display::MimeBundle::plain(self.repr()).with(self.mime, self.data.clone())
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

pub(super) fn ipython() -> Value {
    let m = new_module("IPython", "Tessera's IPython compatibility shim.");
    m.set("display", ipython_display());
    Value::Module(m)
}

pub(super) fn sys() -> Value {
    let m = new_module("sys", "System-specific parameters.");
    for (name, stream) in [
        ("stdout", crate::lang::output::StreamName::Stdout),
        ("stderr", crate::lang::output::StreamName::Stderr),
    ] {
        let s = new_module(&format!("sys.{name}"), &format!("standard {name}"));
        s.func(
            "write",
            "write(s, /)",
            "Write a string to the stream.",
            move |vm, a| {
                let text = match a.pos.first() {
                    Some(Value::Str(t)) => t.to_string(),
                    Some(other) => {
                        return Err(exc::type_error(format!(
                            "write() argument must be str, not {}",
                            other.type_name()
                        )))
                    }
                    None => String::new(),
                };
                vm.ctx.out.stream(stream, &text);
                Ok(Value::Int(text.chars().count() as i64))
            },
        );
        s.func(
            "flush",
            "flush()",
            "Flush the stream (no-op).",
            |_vm, _a| Ok(Value::None),
        );
        m.set(name, Value::Module(s));
    }
    m.set("maxsize", Value::Int(i64::MAX));
    m.set("version", Value::str("3.11 (Tessera dialect)"));
    m.set("platform", Value::str(std::env::consts::OS));
    m.func(
        "getrecursionlimit",
        "getrecursionlimit()",
        "Return the recursion limit.",
        |_vm, _a| Ok(Value::Int(crate::lang::eval::RECURSION_LIMIT as i64)),
    );
    Value::Module(m)
}
