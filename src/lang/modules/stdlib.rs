//! Small standard-library modules: IPython.display, sys, os, os.path, glob, operator,
//! functools, itertools, random.

use super::new_module;
use crate::lang::builtins::{self, to_f64, to_int};
use crate::lang::eval::Args;
use crate::lang::exc::{self, PyResult};
use crate::lang::ir::{BinOp, CmpOp};
use crate::lang::ops;
use crate::lang::value::{Builtin, Module, Value};
use parking_lot::Mutex;
use std::sync::Arc;

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

fn os_err(e: std::io::Error, path: &str) -> Box<exc::PyErr> {
    let name = match e.kind() {
        std::io::ErrorKind::NotFound => "FileNotFoundError",
        std::io::ErrorKind::AlreadyExists => "FileExistsError",
        std::io::ErrorKind::PermissionDenied => "PermissionError",
        _ => "OSError",
    };
    let msg = e.to_string();
    let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
    exc::new(
        name,
        format!("[Errno {}] {msg}: '{path}'", e.raw_os_error().unwrap_or(0)),
    )
}

fn str_arg(vm: &mut crate::lang::eval::Vm, v: Option<&Value>) -> PyResult<String> {
    match v {
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(other) => vm.str(other),
        None => Err(exc::type_error("missing required argument 'path'")),
    }
}

pub(super) fn os_path() -> Value {
    let m = new_module("os.path", "Common pathname manipulations.");
    m.func(
        "join",
        "join(a, *p)",
        "Join two or more pathname components.",
        |vm, a| {
            let mut out = String::new();
            for v in &a.pos {
                let p = str_arg(vm, Some(v))?;
                if p.starts_with('/') {
                    out = p;
                } else if out.is_empty() || out.ends_with('/') {
                    out.push_str(&p);
                } else {
                    out.push('/');
                    out.push_str(&p);
                }
            }
            Ok(Value::str(&out))
        },
    );
    m.func(
        "exists",
        "exists(path)",
        "Test whether a path exists.",
        |vm, a| {
            Ok(Value::Bool(
                std::path::Path::new(&str_arg(vm, a.pos.first())?).exists(),
            ))
        },
    );
    m.func(
        "isdir",
        "isdir(path)",
        "Return true if the pathname refers to an existing directory.",
        |vm, a| {
            Ok(Value::Bool(
                std::path::Path::new(&str_arg(vm, a.pos.first())?).is_dir(),
            ))
        },
    );
    m.func(
        "isfile",
        "isfile(path)",
        "Test whether a path is a regular file.",
        |vm, a| {
            Ok(Value::Bool(
                std::path::Path::new(&str_arg(vm, a.pos.first())?).is_file(),
            ))
        },
    );
    m.func(
        "basename",
        "basename(p)",
        "Returns the final component of a pathname.",
        |vm, a| {
            let p = str_arg(vm, a.pos.first())?;
            Ok(Value::str(p.rsplit('/').next().unwrap_or("")))
        },
    );
    m.func(
        "dirname",
        "dirname(p)",
        "Returns the directory component of a pathname.",
        |vm, a| {
            let p = str_arg(vm, a.pos.first())?;
            Ok(Value::str(match p.rfind('/') {
                Some(0) => "/",
                Some(i) => &p[..i],
                None => "",
            }))
        },
    );
    m.func(
        "splitext",
        "splitext(p)",
        "Split the extension from a pathname.",
        |vm, a| {
            let p = str_arg(vm, a.pos.first())?;
            let base = p.rfind('/').map(|i| i + 1).unwrap_or(0);
            let name = &p[base..];
            let dot = name
                .rfind('.')
                .filter(|&i| name[..i].chars().any(|c| c != '.'));
            Ok(match dot {
                Some(i) => Value::tuple(vec![Value::str(&p[..base + i]), Value::str(&name[i..])]),
                None => Value::tuple(vec![Value::str(&p), Value::str("")]),
            })
        },
    );
    m.func(
        "abspath",
        "abspath(path)",
        "Return an absolute path.",
        |vm, a| {
            let p = str_arg(vm, a.pos.first())?;
            let cwd = std::env::current_dir()
                .map(|d| d.display().to_string())
                .unwrap_or_default();
            Ok(Value::str(&if p.starts_with('/') {
                p
            } else {
                format!("{cwd}/{p}")
            }))
        },
    );
    m.set("sep", Value::str("/"));
    Value::Module(m)
}

pub(super) fn os() -> Value {
    let m = new_module("os", "OS routines.");
    m.set("path", os_path());
    m.set("sep", Value::str("/"));
    m.func(
        "cpu_count",
        "cpu_count()",
        "Return the number of logical CPUs in the system.",
        |_vm, _a| {
            Ok(Value::Int(
                std::thread::available_parallelism()
                    .map(|n| n.get() as i64)
                    .unwrap_or(1),
            ))
        },
    );
    m.func(
        "getcwd",
        "getcwd()",
        "Return a unicode string representing the current working directory.",
        |_vm, _a| {
            Ok(Value::str(
                &std::env::current_dir()
                    .map(|d| d.display().to_string())
                    .unwrap_or_default(),
            ))
        },
    );
    m.func(
        "listdir",
        "listdir(path='.')",
        "Return a list containing the names of the files in the directory.",
        |vm, a| {
            let p = match a.pos.first() {
                Some(v) => str_arg(vm, Some(v))?,
                None => ".".into(),
            };
            let rd = std::fs::read_dir(&p).map_err(|e| os_err(e, &p))?;
            let mut names: Vec<Value> = rd
                .filter_map(|e| e.ok())
                .map(|e| Value::str(&e.file_name().to_string_lossy()))
                .collect();
            names.sort_by_key(|v| v.as_str().map(str::to_string));
            Ok(Value::list(names))
        },
    );
    m.func(
        "makedirs",
        "makedirs(name, mode=0o777, exist_ok=False)",
        "Super-mkdir; create a leaf directory and all intermediate ones.",
        |vm, mut a| {
            let ok = match a.take_kw("exist_ok") {
                Some(v) => vm.truthy(&v)?,
                None => false,
            };
            let p = str_arg(vm, a.pos.first())?;
            if std::path::Path::new(&p).exists() && !ok {
                return Err(exc::new(
                    "FileExistsError",
                    format!("[Errno 17] File exists: '{p}'"),
                ));
            }
            std::fs::create_dir_all(&p).map_err(|e| os_err(e, &p))?;
            Ok(Value::None)
        },
    );
    m.func(
        "getenv",
        "getenv(key, default=None)",
        "Get an environment variable.",
        |vm, a| {
            let k = str_arg(vm, a.pos.first())?;
            Ok(match std::env::var(&k) {
                Ok(v) => Value::str(&v),
                Err(_) => a.pos.get(1).cloned().unwrap_or(Value::None),
            })
        },
    );
    Value::Module(m)
}

fn glob_match(pat: &[char], s: &[char]) -> bool {
    match (pat.first(), s.first()) {
        (None, None) => true,
        (Some('*'), _) => glob_match(&pat[1..], s) || (!s.is_empty() && glob_match(pat, &s[1..])),
        (Some('?'), Some(_)) => glob_match(&pat[1..], &s[1..]),
        (Some(p), Some(c)) if p == c => glob_match(&pat[1..], &s[1..]),
        _ => false,
    }
}

pub(super) fn glob() -> Value {
    let m = new_module("glob", "Filename globbing utility.");
    m.func(
        "glob",
        "glob(pathname)",
        "Return a list of paths matching a pathname pattern.",
        |vm, a| {
            let pat = str_arg(vm, a.pos.first())?;
            let mut cur: Vec<String> = vec![if pat.starts_with('/') {
                "/".into()
            } else {
                String::new()
            }];
            for part in pat.split('/').filter(|p| !p.is_empty()) {
                let mut next = Vec::new();
                for base in &cur {
                    if !part.contains(['*', '?']) {
                        let p = if base.is_empty() {
                            part.to_string()
                        } else if base.ends_with('/') {
                            format!("{base}{part}")
                        } else {
                            format!("{base}/{part}")
                        };
                        if std::path::Path::new(&p).exists() {
                            next.push(p);
                        }
                        continue;
                    }
                    let dir = if base.is_empty() { "." } else { base.as_str() };
                    if let Ok(rd) = std::fs::read_dir(dir) {
                        let pc: Vec<char> = part.chars().collect();
                        for e in rd.flatten() {
                            let n = e.file_name().to_string_lossy().to_string();
                            if n.starts_with('.') && !part.starts_with('.') {
                                continue;
                            }
                            if glob_match(&pc, &n.chars().collect::<Vec<_>>()) {
                                next.push(if base.is_empty() {
                                    n
                                } else if base.ends_with('/') {
                                    format!("{base}{n}")
                                } else {
                                    format!("{base}/{n}")
                                });
                            }
                        }
                    }
                }
                cur = next;
            }
            Ok(Value::list(
                cur.into_iter()
                    .filter(|p| !p.is_empty())
                    .map(|p| Value::str(&p))
                    .collect(),
            ))
        },
    );
    Value::Module(m)
}

pub(super) fn operator() -> Value {
    let m = new_module("operator", "Operator interface.");
    let bins = [
        ("add", BinOp::Add),
        ("sub", BinOp::Sub),
        ("mul", BinOp::Mul),
        ("truediv", BinOp::Div),
        ("floordiv", BinOp::FloorDiv),
        ("mod", BinOp::Mod),
        ("pow", BinOp::Pow),
        ("and_", BinOp::BitAnd),
        ("or_", BinOp::BitOr),
        ("xor", BinOp::BitXor),
        ("lshift", BinOp::LShift),
        ("rshift", BinOp::RShift),
        ("matmul", BinOp::MatMul),
    ];
    for (name, op) in bins {
        m.func(
            name,
            &format!("{name}(a, b, /)"),
            &format!("Same as a {} b.", op.symbol()),
            move |vm, a| {
                a.exact(name, 2)?;
                ops::binop(vm, op, &a.pos[0], &a.pos[1])
            },
        );
    }
    let cmps = [
        ("eq", CmpOp::Eq),
        ("ne", CmpOp::Ne),
        ("lt", CmpOp::Lt),
        ("le", CmpOp::Le),
        ("gt", CmpOp::Gt),
        ("ge", CmpOp::Ge),
    ];
    for (name, op) in cmps {
        m.func(
            name,
            &format!("{name}(a, b, /)"),
            "Rich comparison.",
            move |vm, a| {
                a.exact(name, 2)?;
                vm.compare(op, &a.pos[0], &a.pos[1])
            },
        );
    }
    m.func("neg", "neg(a, /)", "Same as -a.", |vm, a| {
        a.exact("neg", 1)?;
        ops::unary(vm, crate::lang::ir::UnOp::Neg, &a.pos[0])
    });
    m.func("not_", "not_(a, /)", "Same as not a.", |vm, a| {
        a.exact("not_", 1)?;
        Ok(Value::Bool(!vm.truthy(&a.pos[0])?))
    });
    m.func("getitem", "getitem(a, b, /)", "Same as a[b].", |vm, a| {
        a.exact("getitem", 2)?;
        ops::getitem(vm, &a.pos[0], &a.pos[1])
    });
    m.func(
        "itemgetter",
        "itemgetter(*items)",
        "Return a callable object that fetches the given item(s) from its operand.",
        |_vm, a| {
            let items = a.pos.clone();
            Ok(Builtin::value(
                "itemgetter",
                "(obj)",
                "Fetch items.",
                move |vm, b| {
                    let obj = b.pos.first().cloned().unwrap_or(Value::None);
                    if items.len() == 1 {
                        return ops::getitem(vm, &obj, &items[0]);
                    }
                    let mut out = Vec::new();
                    for k in &items {
                        out.push(ops::getitem(vm, &obj, k)?);
                    }
                    Ok(Value::tuple(out))
                },
            ))
        },
    );
    m.func(
        "attrgetter",
        "attrgetter(*attrs)",
        "Return a callable object that fetches the given attribute(s) from its operand.",
        |vm, a| {
            let names: Vec<String> = a.pos.iter().map(|v| vm.str(v)).collect::<PyResult<_>>()?;
            Ok(Builtin::value(
                "attrgetter",
                "(obj)",
                "Fetch attributes.",
                move |vm, b| {
                    let obj = b.pos.first().cloned().unwrap_or(Value::None);
                    let mut out = Vec::new();
                    for n in &names {
                        let mut v = obj.clone();
                        for part in n.split('.') {
                            v = vm.getattr(&v, part)?;
                        }
                        out.push(v);
                    }
                    Ok(if out.len() == 1 {
                        out.remove(0)
                    } else {
                        Value::tuple(out)
                    })
                },
            ))
        },
    );
    Value::Module(m)
}

pub(super) fn functools() -> Value {
    let m = new_module(
        "functools",
        "Tools for working with functions and callable objects.",
    );
    m.func(
        "reduce",
        "reduce(function, iterable[, initial])",
        "Apply a function of two arguments cumulatively to the items of an iterable.",
        |vm, a| {
            if a.pos.len() < 2 {
                return Err(exc::type_error(format!(
                    "reduce expected at least 2 arguments, got {}",
                    a.pos.len()
                )));
            }
            let items = vm.iterate(&a.pos[1])?;
            let mut it = items.into_iter();
            let mut acc = match a.pos.get(2) {
                Some(v) => v.clone(),
                None => it.next().ok_or_else(|| {
                    exc::type_error("reduce() of empty iterable with no initial value")
                })?,
            };
            for x in it {
                acc = vm.call_value(&a.pos[0], Args::pos(vec![acc, x]))?;
            }
            Ok(acc)
        },
    );
    m.func(
        "partial",
        "partial(func, /, *args, **keywords)",
        "New function with partial application of the given arguments and keywords.",
        |_vm, a| {
            let mut pos = a.pos.clone();
            if pos.is_empty() {
                return Err(exc::type_error(
                    "partial() missing required argument 'func'",
                ));
            }
            let f = pos.remove(0);
            let kw = a.kw.clone();
            Ok(Builtin::value(
                "partial",
                "(*args, **keywords)",
                "partial object",
                move |vm, b| {
                    let mut args = Args {
                        pos: pos.clone(),
                        kw: kw.clone(),
                    };
                    args.pos.extend(b.pos);
                    for (k, v) in b.kw {
                        args.kw.retain(|(x, _)| *x != k);
                        args.kw.push((k, v));
                    }
                    vm.call_value(&f, args)
                },
            ))
        },
    );
    m.func(
        "wraps",
        "wraps(wrapped)",
        "Decorator factory; returns the decorated function unchanged.",
        |_vm, _a| {
            Ok(Builtin::value("wraps", "(f)", "", |_vm, b| {
                Ok(b.pos.first().cloned().unwrap_or(Value::None))
            }))
        },
    );
    m.func(
        "lru_cache",
        "lru_cache(maxsize=128)",
        "Accepted for compatibility; returns the function unchanged.",
        |_vm, a| match a.pos.first() {
            Some(f @ Value::Func(_)) => Ok(f.clone()),
            _ => Ok(Builtin::value("lru_cache", "(f)", "", |_vm, b| {
                Ok(b.pos.first().cloned().unwrap_or(Value::None))
            })),
        },
    );
    Value::Module(m)
}

fn native_iter(it: impl Iterator<Item = Value> + Send + Sync + 'static) -> Value {
    Value::Iter(Arc::new(Mutex::new(crate::lang::value::IterState::Native(
        Box::new(it),
    ))))
}

fn product(lists: &[Vec<Value>]) -> Vec<Value> {
    let mut out: Vec<Vec<Value>> = vec![vec![]];
    for l in lists {
        let mut next = Vec::new();
        for prefix in &out {
            for x in l {
                let mut p = prefix.clone();
                p.push(x.clone());
                next.push(p);
            }
        }
        out = next;
    }
    out.into_iter().map(Value::tuple).collect()
}

fn combos(items: &[Value], r: usize, start: usize, cur: &mut Vec<Value>, out: &mut Vec<Value>) {
    if cur.len() == r {
        out.push(Value::tuple(cur.clone()));
        return;
    }
    for i in start..items.len() {
        cur.push(items[i].clone());
        combos(items, r, i + 1, cur, out);
        cur.pop();
    }
}

fn perms(
    items: &[Value],
    r: usize,
    used: &mut Vec<bool>,
    cur: &mut Vec<Value>,
    out: &mut Vec<Value>,
) {
    if cur.len() == r {
        out.push(Value::tuple(cur.clone()));
        return;
    }
    for i in 0..items.len() {
        if !used[i] {
            used[i] = true;
            cur.push(items[i].clone());
            perms(items, r, used, cur, out);
            cur.pop();
            used[i] = false;
        }
    }
}

pub(super) fn itertools() -> Value {
    let m = new_module(
        "itertools",
        "Functional tools for creating and using iterators.",
    );
    m.func(
        "count",
        "count(start=0, step=1)",
        "Return a count object whose .__next__() method returns consecutive values.",
        |_vm, mut a| {
            let start = a
                .arg(0, "start")
                .map(|v| to_int(&v, ""))
                .transpose()?
                .unwrap_or(0);
            let step = a
                .arg(1, "step")
                .map(|v| to_int(&v, ""))
                .transpose()?
                .unwrap_or(1);
            Ok(native_iter(
                (0..).map(move |i: i64| Value::Int(start + i * step)),
            ))
        },
    );
    m.func(
        "repeat",
        "repeat(object[, times])",
        "Repeat an object, forever or a number of times.",
        |_vm, a| {
            let v = a.pos.first().cloned().unwrap_or(Value::None);
            match a.pos.get(1) {
                Some(n) => Ok(Value::iter_of(vec![v; to_int(n, "")?.max(0) as usize])),
                None => Ok(native_iter(std::iter::repeat(v))),
            }
        },
    );
    m.func(
        "chain",
        "chain(*iterables)",
        "Iterate over each iterable in turn.",
        |vm, a| {
            let mut out = Vec::new();
            for x in &a.pos {
                out.extend(vm.iterate(x)?);
            }
            Ok(Value::iter_of(out))
        },
    );
    m.func(
        "islice",
        "islice(iterable, stop) / islice(iterable, start, stop[, step])",
        "Return an iterator whose next() returns selected values.",
        |vm, a| {
            let (start, stop, step) = match a.pos.len() {
                2 => (0, a.pos[1].clone(), 1),
                3 => (to_int(&a.pos[1], "")?, a.pos[2].clone(), 1),
                4 => (
                    to_int(&a.pos[1], "")?,
                    a.pos[2].clone(),
                    to_int(&a.pos[3], "")?,
                ),
                _ => return Err(exc::type_error("islice expected 2 to 4 arguments")),
            };
            let stop = if stop.is_none() {
                None
            } else {
                Some(to_int(&stop, "")?)
            };
            let mut it = vm.iter(&a.pos[0])?;
            let mut out = Vec::new();
            let mut i = 0i64;
            while stop.map(|s| i < s).unwrap_or(true) {
                let Some(x) = it.next(vm)? else { break };
                if i >= start && (i - start) % step.max(1) == 0 {
                    out.push(x);
                }
                i += 1;
            }
            Ok(Value::iter_of(out))
        },
    );
    m.func(
        "product",
        "product(*iterables, repeat=1)",
        "Cartesian product of input iterables.",
        |vm, mut a| {
            let rep = a
                .take_kw("repeat")
                .map(|v| to_int(&v, ""))
                .transpose()?
                .unwrap_or(1);
            let mut lists = Vec::new();
            for x in &a.pos {
                lists.push(vm.iterate(x)?);
            }
            let all: Vec<Vec<Value>> = (0..rep.max(0)).flat_map(|_| lists.clone()).collect();
            Ok(Value::iter_of(product(&all)))
        },
    );
    m.func(
        "combinations",
        "combinations(iterable, r)",
        "Return successive r-length combinations of elements in the iterable.",
        |vm, a| {
            a.exact("combinations", 2)?;
            let items = vm.iterate(&a.pos[0])?;
            let r = to_int(&a.pos[1], "")?.max(0) as usize;
            let mut out = Vec::new();
            combos(&items, r, 0, &mut Vec::new(), &mut out);
            Ok(Value::iter_of(out))
        },
    );
    m.func(
        "permutations",
        "permutations(iterable, r=None)",
        "Return successive r-length permutations of elements in the iterable.",
        |vm, a| {
            let items = vm.iterate(a.pos.first().unwrap_or(&Value::None))?;
            let r = match a.pos.get(1) {
                Some(Value::None) | None => items.len(),
                Some(v) => to_int(v, "")?.max(0) as usize,
            };
            let mut out = Vec::new();
            perms(
                &items,
                r,
                &mut vec![false; items.len()],
                &mut Vec::new(),
                &mut out,
            );
            Ok(Value::iter_of(out))
        },
    );
    m.func(
        "accumulate",
        "accumulate(iterable, func=None, *, initial=None)",
        "Return series of accumulated sums (or other binary function results).",
        |vm, mut a| {
            let init = a.take_kw("initial");
            let f = a
                .take_kw("func")
                .or_else(|| a.pos.get(1).cloned())
                .filter(|f| !f.is_none());
            let items = vm.iterate(a.pos.first().unwrap_or(&Value::None))?;
            let mut out = Vec::new();
            let mut acc = init.filter(|v| !v.is_none());
            if let Some(i) = &acc {
                out.push(i.clone());
            }
            for x in items {
                acc = Some(match acc {
                    None => x,
                    Some(p) => match &f {
                        Some(f) => vm.call_value(f, Args::pos(vec![p, x]))?,
                        None => ops::binop(vm, BinOp::Add, &p, &x)?,
                    },
                });
                out.push(acc.clone().unwrap_or(Value::None));
            }
            Ok(Value::iter_of(out))
        },
    );
    m.func(
        "groupby",
        "groupby(iterable, key=None)",
        "Make an iterator that returns consecutive keys and groups from the iterable.",
        |vm, mut a| {
            let key = a
                .take_kw("key")
                .or_else(|| a.pos.get(1).cloned())
                .filter(|k| !k.is_none());
            let items = vm.iterate(a.pos.first().unwrap_or(&Value::None))?;
            let mut out: Vec<(Value, Vec<Value>)> = Vec::new();
            for x in items {
                let k = match &key {
                    Some(f) => vm.call_value(f, Args::pos(vec![x.clone()]))?,
                    None => x.clone(),
                };
                let same = match out.last() {
                    Some((pk, _)) => ops::values_eq(vm, pk, &k)?,
                    None => false,
                };
                if same {
                    if let Some(last) = out.last_mut() {
                        last.1.push(x);
                    }
                } else {
                    out.push((k, vec![x]));
                }
            }
            Ok(Value::iter_of(
                out.into_iter()
                    .map(|(k, g)| Value::tuple(vec![k, Value::iter_of(g)]))
                    .collect(),
            ))
        },
    );
    m.func(
        "zip_longest",
        "zip_longest(*iterables, fillvalue=None)",
        "Zip iterables, filling shorter ones with fillvalue.",
        |vm, mut a| {
            let fill = a.take_kw("fillvalue").unwrap_or(Value::None);
            let lists: Vec<Vec<Value>> = a
                .pos
                .iter()
                .map(|x| vm.iterate(x))
                .collect::<PyResult<_>>()?;
            let n = lists.iter().map(Vec::len).max().unwrap_or(0);
            Ok(Value::iter_of(
                (0..n)
                    .map(|i| {
                        Value::tuple(
                            lists
                                .iter()
                                .map(|l| l.get(i).cloned().unwrap_or_else(|| fill.clone()))
                                .collect(),
                        )
                    })
                    .collect(),
            ))
        },
    );
    m.func(
        "starmap",
        "starmap(function, iterable)",
        "Call function with argument tuples from the iterable.",
        |vm, a| {
            a.exact("starmap", 2)?;
            let items = vm.iterate(&a.pos[1])?;
            let mut out = Vec::new();
            for x in items {
                let args = vm.iterate(&x)?;
                out.push(vm.call_value(&a.pos[0], Args::pos(args))?);
            }
            Ok(Value::iter_of(out))
        },
    );
    Value::Module(m)
}

/// xorshift64* state shared by the `random` module (seedable, thread-safe).
struct Rng(Mutex<u64>);

impl Rng {
    fn next_u64(&self) -> u64 {
        let mut s = self.0.lock();
        let mut x = *s;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        *s = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn float(&self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }
}

pub(super) fn random() -> Value {
    let m = new_module(
        "random",
        "Pseudo-random numbers (not CPython's Mersenne Twister: sequences differ).",
    );
    let seed0 = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1)
        | 1;
    let rng = Arc::new(Rng(Mutex::new(seed0)));
    let r = rng.clone();
    m.func(
        "seed",
        "seed(a=None)",
        "Initialize the random number generator.",
        move |_vm, a| {
            let s = match a.pos.first() {
                Some(Value::Int(i)) => (*i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1,
                _ => 0x1234_5678_9abc_def1,
            };
            *r.0.lock() = s;
            Ok(Value::None)
        },
    );
    let r = rng.clone();
    m.func(
        "random",
        "random()",
        "Return the next random floating point number in the range 0.0 <= X < 1.0.",
        move |_vm, _a| Ok(Value::Float(r.float())),
    );
    let r = rng.clone();
    m.func(
        "uniform",
        "uniform(a, b)",
        "Get a random number in the range [a, b).",
        move |_vm, a| {
            a.exact("uniform", 2)?;
            let (x, y) = (to_f64(&a.pos[0])?, to_f64(&a.pos[1])?);
            Ok(Value::Float(x + (y - x) * r.float()))
        },
    );
    let r = rng.clone();
    m.func(
        "randint",
        "randint(a, b)",
        "Return random integer in range [a, b], including both end points.",
        move |_vm, a| {
            a.exact("randint", 2)?;
            let (x, y) = (to_int(&a.pos[0], "")?, to_int(&a.pos[1], "")?);
            if y < x {
                return Err(exc::value_error(format!(
                    "empty range for randrange() ({x}, {}, {})",
                    y + 1,
                    y + 1 - x
                )));
            }
            Ok(Value::Int(x + r.below((y - x + 1) as u64) as i64))
        },
    );
    let r = rng.clone();
    m.func(
        "randrange",
        "randrange(start, stop=None, step=1)",
        "Choose a random item from range(start, stop[, step]).",
        move |_vm, a| {
            let (s, e) = match a.pos.len() {
                1 => (0, to_int(&a.pos[0], "")?),
                _ => (to_int(&a.pos[0], "")?, to_int(&a.pos[1], "")?),
            };
            if e <= s {
                return Err(exc::value_error("empty range for randrange()"));
            }
            Ok(Value::Int(s + r.below((e - s) as u64) as i64))
        },
    );
    let r = rng.clone();
    m.func(
        "choice",
        "choice(seq)",
        "Choose a random element from a non-empty sequence.",
        move |vm, a| {
            let items = vm.iterate(a.pos.first().unwrap_or(&Value::None))?;
            if items.is_empty() {
                return Err(exc::new(
                    "IndexError",
                    "Cannot choose from an empty sequence",
                ));
            }
            Ok(items[r.below(items.len() as u64) as usize].clone())
        },
    );
    let r = rng.clone();
    m.func(
        "shuffle",
        "shuffle(x)",
        "Shuffle list x in place, and return None.",
        move |_vm, a| {
            if let Some(Value::List(l)) = a.pos.first() {
                let mut w = l.write();
                for i in (1..w.len()).rev() {
                    let j = r.below(i as u64 + 1) as usize;
                    w.swap(i, j);
                }
            }
            Ok(Value::None)
        },
    );
    let r = rng.clone();
    m.func(
        "gauss",
        "gauss(mu=0.0, sigma=1.0)",
        "Gaussian distribution.",
        move |_vm, a| {
            let mu = a.pos.first().map(to_f64).transpose()?.unwrap_or(0.0);
            let sd = a.pos.get(1).map(to_f64).transpose()?.unwrap_or(1.0);
            let (u1, u2) = (r.float().max(1e-300), r.float());
            Ok(Value::Float(
                mu + sd * (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos(),
            ))
        },
    );
    let r = rng;
    m.func(
        "sample",
        "sample(population, k)",
        "Chooses k unique random elements from a population sequence.",
        move |vm, a| {
            let mut items = vm.iterate(a.pos.first().unwrap_or(&Value::None))?;
            let k = to_int(a.pos.get(1).unwrap_or(&Value::Int(0)), "")? as usize;
            if k > items.len() {
                return Err(exc::value_error(
                    "Sample larger than population or is negative",
                ));
            }
            for i in 0..k {
                let j = i + r.below((items.len() - i) as u64) as usize;
                items.swap(i, j);
            }
            items.truncate(k);
            Ok(Value::list(items))
        },
    );
    Value::Module(m)
}
