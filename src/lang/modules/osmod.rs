//! `os`, `os.path` and `glob`.

use super::new_module;
use crate::lang::exc::{self, PyResult};
use crate::lang::value::Value;

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
        "getsize",
        "getsize(filename)",
        "Return the size of a file, reported by os.stat().",
        |vm, a| {
            let p = str_arg(vm, a.pos.first())?;
            std::fs::metadata(&p)
                .map(|m| Value::Int(m.len() as i64))
                .map_err(|e| {
                    let kind = if e.kind() == std::io::ErrorKind::NotFound {
                        "FileNotFoundError"
                    } else {
                        "OSError"
                    };
                    exc::new(kind, format!("[Errno 2] No such file or directory: '{p}'"))
                })
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
        "getpid",
        "getpid()",
        "Return the current process id (the kernel's).",
        |_vm, _a| Ok(Value::Int(i64::from(std::process::id()))),
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
