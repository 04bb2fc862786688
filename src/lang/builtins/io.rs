//! print, input, display, clear_output: everything that talks to the `Output` sink.

use super::{add, Table};
use crate::display::MimeBundle;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::output::{InputError, StreamName};
use crate::lang::value::{Builtin, Object, Value};
use std::any::Any;
use std::sync::Arc;

/// The MIME bundle of a value: library objects supply their own; others are `repr`.
pub fn value_bundle(vm: &mut Vm, v: &Value) -> PyResult<MimeBundle> {
    match v {
        Value::Object(o) => Ok(o.mime_bundle()),
        Value::Instance(i) => {
            let mut b = MimeBundle::plain(vm.repr(v)?);
            for (meth, mime) in [
                ("_repr_html_", "text/html"),
                ("_repr_markdown_", "text/markdown"),
                ("_repr_svg_", "image/svg+xml"),
                ("_repr_latex_", "text/latex"),
            ] {
                if let Some(f) = i.class.lookup(meth) {
                    if let Value::Str(s) = vm.call_value(&f, Args::pos(vec![v.clone()]))? {
                        b = b.with(mime, s.to_string());
                    }
                }
            }
            Ok(b)
        }
        _ => Ok(MimeBundle::plain(vm.repr(v)?)),
    }
}

/// A handle returned by `display(..., display_id=True)`.
struct DisplayHandle {
    id: String,
}

impl Object for DisplayHandle {
    fn type_name(&self) -> String {
        "DisplayHandle".into()
    }
    fn repr(&self) -> String {
        format!("<DisplayHandle display_id={}>", self.id)
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let id = self.id.clone();
        Some(Ok(match name {
            "display_id" => Value::str(&self.id),
            "update" => Builtin::value(
                "update",
                "update(obj)",
                "Update the display in place.",
                move |vm, a| {
                    let obj = a.pos.first().cloned().unwrap_or(Value::None);
                    let b = value_bundle(vm, &obj)?;
                    vm.ctx.out.display(b, Some(&id), true);
                    Ok(Value::None)
                },
            ),
            "display" => Builtin::value(
                "display",
                "display(obj)",
                "Show obj with this display id.",
                move |vm, a| {
                    let obj = a.pos.first().cloned().unwrap_or(Value::None);
                    let b = value_bundle(vm, &obj)?;
                    vm.ctx.out.display(b, Some(&id), false);
                    Ok(Value::None)
                },
            ),
            _ => return None,
        }))
    }
    fn dir(&self) -> Vec<String> {
        vec!["display".into(), "display_id".into(), "update".into()]
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `display(*objs, display_id=None)`.
pub fn display_value(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let did = a.take_kw("display_id");
    let _ = a.take_kw("raw");
    let _ = a.take_kw("include");
    let _ = a.take_kw("exclude");
    let _ = a.take_kw("metadata");
    a.check("display", usize::MAX)?;
    let id = match did {
        None | Some(Value::None) | Some(Value::Bool(false)) => None,
        Some(Value::Bool(true)) => Some(uuid::Uuid::new_v4().simple().to_string()),
        Some(Value::Str(s)) => Some(s.to_string()),
        Some(other) => Some(vm.str(&other)?),
    };
    for obj in &a.pos {
        let b = value_bundle(vm, obj)?;
        vm.ctx.out.display(b, id.as_deref(), false);
    }
    Ok(match id {
        Some(id) => Value::object(DisplayHandle { id }),
        None => Value::None,
    })
}

pub(super) fn register(t: &mut Table) {
    add(
        t,
        "print",
        "print(*args, sep=' ', end='\\n', file=None, flush=False)",
        "Prints the values to a stream, or to sys.stdout by default.",
        |vm, mut a| {
            let sep = match a.take_kw("sep") {
                None | Some(Value::None) => " ".to_string(),
                Some(Value::Str(s)) => s.to_string(),
                Some(o) => {
                    return Err(exc::type_error(format!(
                        "sep must be None or a string, not {}",
                        o.type_name()
                    )))
                }
            };
            let end = match a.take_kw("end") {
                None | Some(Value::None) => "\n".to_string(),
                Some(Value::Str(s)) => s.to_string(),
                Some(o) => {
                    return Err(exc::type_error(format!(
                        "end must be None or a string, not {}",
                        o.type_name()
                    )))
                }
            };
            let stream = match a.take_kw("file") {
                Some(Value::Module(m)) if &*m.name == "sys.stderr" => StreamName::Stderr,
                _ => StreamName::Stdout,
            };
            let _ = a.take_kw("flush");
            a.check("print", usize::MAX)?;
            let mut s = String::new();
            for (i, v) in a.pos.iter().enumerate() {
                if i > 0 {
                    s.push_str(&sep);
                }
                s.push_str(&vm.str(v)?);
            }
            s.push_str(&end);
            vm.ctx.out.stream(stream, &s);
            Ok(Value::None)
        },
    );
    add(
        t,
        "input",
        "input(prompt='')",
        "Read a string from standard input. The trailing newline is stripped.",
        |vm, mut a| {
            let prompt = match a.arg(0, "prompt") {
                Some(v) => vm.str(&v)?,
                None => String::new(),
            };
            match vm.ctx.out.input(&prompt, false) {
                Ok(s) => Ok(Value::str(&s)),
                Err(InputError::NotAllowed) => Err(exc::new(
                    "StdinNotImplementedError",
                    "raw_input was called, but this frontend does not support input requests.",
                )),
                Err(InputError::Interrupted) => Err(exc::interrupt()),
                Err(InputError::Eof) => Err(exc::new("EOFError", "EOF when reading a line")),
            }
        },
    );
    add(
        t,
        "display",
        "display(*objs, display_id=None)",
        "Display objects in the notebook; display_id=True returns a handle whose update(obj) replaces the output.",
        display_value,
    );
    add(
        t,
        "clear_output",
        "clear_output(wait=False)",
        "Clear the output of the current cell; wait=True clears when new output arrives.",
        |vm, mut a| {
            let wait = match a.arg(0, "wait") {
                Some(v) => vm.truthy(&v)?,
                None => false,
            };
            vm.ctx.out.clear_output(wait);
            Ok(Value::None)
        },
    );
    add(
        t,
        "update_display",
        "update_display(obj, *, display_id)",
        "Update an existing display by id.",
        |vm, mut a| {
            let id = match a.take_kw("display_id") {
                Some(v) => vm.str(&v)?,
                None => {
                    return Err(exc::type_error(
                        "update_display() missing required keyword argument 'display_id'",
                    ))
                }
            };
            let obj = a.pos.first().cloned().unwrap_or(Value::None);
            let b = value_bundle(vm, &obj)?;
            vm.ctx.out.display(b, Some(&id), true);
            Ok(Value::None)
        },
    );
    let _ = Arc::new(());
}
