//! `open()` for text files: read/readline/readlines/write/close, line iteration and the
//! context-manager protocol. Binary modes are not supported (no bytes type).

use super::{add, Table};
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyErr, PyResult};
use crate::lang::value::{Object, Value};
use parking_lot::Mutex;
use std::any::Any;
use std::io::Write;

struct FileState {
    /// Unread text (read modes).
    text: String,
    /// Read position (byte offset into `text`).
    pos: usize,
    /// Writer (write/append modes).
    out: Option<std::fs::File>,
    closed: bool,
}

/// An open text file.
struct File {
    name: String,
    mode: String,
    st: Mutex<FileState>,
}

fn io_err(e: std::io::Error, path: &str) -> Box<PyErr> {
    let name = match e.kind() {
        std::io::ErrorKind::NotFound => "FileNotFoundError",
        std::io::ErrorKind::PermissionDenied => "PermissionError",
        std::io::ErrorKind::IsADirectory => "IsADirectoryError",
        _ => "OSError",
    };
    let msg = e.to_string();
    let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
    exc::new(
        name,
        format!("[Errno {}] {msg}: '{path}'", e.raw_os_error().unwrap_or(0)),
    )
}

impl File {
    fn check_open(st: &FileState) -> PyResult<()> {
        if st.closed {
            return Err(exc::value_error("I/O operation on closed file."));
        }
        Ok(())
    }

    fn method(&self, vm: &mut Vm, name: &str, a: &Args) -> Option<PyResult<Value>> {
        let mut st = self.st.lock();
        let r = (|| -> PyResult<Value> {
            match name {
                "close" => {
                    if let Some(f) = st.out.as_mut() {
                        f.flush().map_err(|e| io_err(e, &self.name))?;
                    }
                    st.closed = true;
                    st.out = None;
                    Ok(Value::None)
                }
                "read" => {
                    Self::check_open(&st)?;
                    let rest = st.text[st.pos..].to_string();
                    st.pos = st.text.len();
                    Ok(Value::str(&rest))
                }
                "readline" => {
                    Self::check_open(&st)?;
                    let rest = &st.text[st.pos..];
                    let n = rest.find('\n').map(|i| i + 1).unwrap_or(rest.len());
                    let line = rest[..n].to_string();
                    st.pos += n;
                    Ok(Value::str(&line))
                }
                "readlines" => {
                    Self::check_open(&st)?;
                    let rest = st.text[st.pos..].to_string();
                    st.pos = st.text.len();
                    Ok(Value::list(
                        rest.split_inclusive('\n').map(Value::str).collect(),
                    ))
                }
                "write" => {
                    Self::check_open(&st)?;
                    let s = match a.pos.first() {
                        Some(Value::Str(s)) => s.clone(),
                        Some(o) => {
                            return Err(exc::type_error(format!(
                                "write() argument must be str, not {}",
                                o.type_name()
                            )))
                        }
                        None => {
                            return Err(exc::type_error(
                                "write() takes exactly one argument (0 given)",
                            ))
                        }
                    };
                    let Some(f) = st.out.as_mut() else {
                        return Err(exc::new("OSError", "not writable"));
                    };
                    f.write_all(s.as_bytes())
                        .map_err(|e| io_err(e, &self.name))?;
                    Ok(Value::Int(s.chars().count() as i64))
                }
                _ => Err(exc::new(
                    "AttributeError",
                    format!("'TextIOWrapper' object has no attribute '{name}'"),
                )),
            }
        })();
        drop(st);
        let _ = vm;
        Some(r)
    }
}

impl Object for File {
    fn type_name(&self) -> String {
        "TextIOWrapper".into()
    }
    fn repr(&self) -> String {
        format!(
            "<_io.TextIOWrapper name='{}' mode='{}' encoding='UTF-8'>",
            self.name, self.mode
        )
    }
    fn call_method(&self, vm: &mut Vm, name: &str, args: &Args) -> Option<PyResult<Value>> {
        self.method(vm, name, args)
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "name" => Some(Ok(Value::str(&self.name))),
            "mode" => Some(Ok(Value::str(&self.mode))),
            "closed" => Some(Ok(Value::Bool(self.st.lock().closed))),
            _ => None,
        }
    }
    fn dir(&self) -> Vec<String> {
        [
            "close",
            "closed",
            "mode",
            "name",
            "read",
            "readline",
            "readlines",
            "write",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }
    fn iter(&self, _vm: &mut Vm) -> Option<PyResult<Vec<Value>>> {
        let mut st = self.st.lock();
        if let Err(e) = Self::check_open(&st) {
            return Some(Err(e));
        }
        let rest = st.text[st.pos..].to_string();
        st.pos = st.text.len();
        Some(Ok(rest.split_inclusive('\n').map(Value::str).collect()))
    }
    fn enter_returns_self(&self) -> bool {
        true
    }
    fn exit(&self, vm: &mut Vm, _exc: Option<&PyErr>) -> PyResult<bool> {
        if let Some(Err(e)) = self.method(vm, "close", &Args::default()) {
            return Err(e);
        }
        Ok(false)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub(super) fn register(t: &mut Table) {
    add(
        t,
        "open",
        "open(file, mode='r', encoding=None)",
        "Open a text file and return a file object (modes 'r', 'w', 'a').",
        |vm, mut a| {
            let path = match a.arg(0, "file") {
                Some(Value::Str(s)) => s.to_string(),
                Some(o) => vm.str(&o)?,
                None => {
                    return Err(exc::type_error(
                        "open() missing required argument 'file' (pos 1)",
                    ))
                }
            };
            let mode = match a.arg(1, "mode") {
                Some(Value::Str(s)) => s.to_string(),
                _ => "r".to_string(),
            };
            let _ = a.take_kw("encoding");
            if mode.contains('b') {
                return Err(exc::new(
                    "NotImplementedError",
                    "binary files are not supported by Tessera",
                ));
            }
            let (text, out) = if mode.starts_with('r') {
                (
                    std::fs::read_to_string(&path).map_err(|e| io_err(e, &path))?,
                    None,
                )
            } else if mode.starts_with('w') || mode.starts_with('a') {
                let f = std::fs::OpenOptions::new()
                    .write(true)
                    .create(true)
                    .append(mode.starts_with('a'))
                    .truncate(mode.starts_with('w'))
                    .open(&path)
                    .map_err(|e| io_err(e, &path))?;
                (String::new(), Some(f))
            } else {
                return Err(exc::value_error(format!("invalid mode: '{mode}'")));
            };
            Ok(Value::object(File {
                name: path,
                mode,
                st: Mutex::new(FileState {
                    text,
                    pos: 0,
                    out,
                    closed: false,
                }),
            }))
        },
    );
}
