//! Magics that touch the process: `%env`, `%pwd`, `%cd`, `%run`, `%config`, `%%writefile`.

use super::{MagicCtx, MagicError, MagicValue};
use crate::lang::value::dict::new_dict;
use crate::lang::value::HashKey;
use crate::lang::Value;

/// What the simple magics return: a value for the cell result, or a usage error.
type Out = Result<Option<Value>, MagicError>;

/// `%env` (all, as a dict), `%env NAME` (its value), `%env NAME=value` / `NAME value` (set).
pub fn env(m: &mut MagicCtx, line: &str) -> Out {
    let line = line.trim();
    if line.is_empty() {
        let mut vars: Vec<(String, String)> = std::env::vars().collect();
        vars.sort();
        let mut d = new_dict();
        for (k, v) in vars {
            let key = Value::str(&k);
            if let Some(h) = HashKey::of(&key) {
                d.insert(h, (key, Value::str(&v)));
            }
        }
        return Ok(Some(Value::dict(d)));
    }
    let set = line
        .split_once('=')
        .or_else(|| line.split_once(char::is_whitespace))
        .map(|(k, v)| (k.trim(), v.trim()));
    match set {
        Some((k, v)) if !k.is_empty() => {
            std::env::set_var(k, v);
            m.print(&format!("env: {k}={v}\n"));
            Ok(None)
        }
        _ => match std::env::var(line) {
            Ok(v) => Ok(Some(Value::str(&v))),
            Err(_) => Err(MagicError::Usage(format!(
                "Environment does not have key: {line}"
            ))),
        },
    }
}

/// `%pwd`: the working directory.
pub fn pwd() -> Out {
    let d = std::env::current_dir().map_err(|e| MagicError::Usage(e.to_string()))?;
    Ok(Some(Value::str(&d.display().to_string())))
}

/// `%cd DIR` (home without an argument): change directory and print it.
pub fn cd(m: &mut MagicCtx, line: &str) -> Out {
    let target = line.trim().trim_matches(['\'', '"']);
    let target = if target.is_empty() {
        std::env::var("HOME").unwrap_or_else(|_| "/".into())
    } else if let Some(rest) = target.strip_prefix("~/") {
        format!("{}/{rest}", std::env::var("HOME").unwrap_or_default())
    } else {
        target.to_string()
    };
    std::env::set_current_dir(&target)
        .map_err(|e| MagicError::Usage(format!("[Errno 2] {e}: {target:?}")))?;
    let d = std::env::current_dir().map_err(|e| MagicError::Usage(e.to_string()))?;
    m.print(&format!("{}\n", d.display()));
    Ok(None)
}

/// `%run FILE.py [args...]`: execute a dialect file in the session's namespace with
/// `sys.argv` set to the file and its arguments (as IPython does), then restored.
pub fn run(m: &mut MagicCtx, line: &str) -> MagicValue {
    let words = split_args(line);
    let Some(file) = words.first() else {
        return Err(
            MagicError::Usage("%run needs a file name: %run FILE.py [args]".into()).into_py(),
        );
    };
    let src = std::fs::read_to_string(file)
        .map_err(|e| MagicError::File(format!("File `{file}` not found: {e}")).into_py())?;
    let sys = match crate::lang::modules::import("sys") {
        Ok(Value::Module(s)) => Some(s),
        _ => None,
    };
    let old_argv = sys.as_ref().and_then(|s| s.get("argv"));
    if let Some(s) = &sys {
        s.set(
            "argv",
            Value::list(words.iter().map(|w| Value::str(w)).collect()),
        );
    }
    let result = m.interp.exec_cell(&src, &format!("File {file}"), m.ctx);
    if let Some(s) = &sys {
        s.set("argv", old_argv.unwrap_or_else(|| Value::list(vec![])));
    }
    result.map(|_| None)
}

/// Shell-like word splitting: whitespace separates, quotes group.
fn split_args(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let (mut quote, mut any) = (None::<char>, false);
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => cur.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                any = true;
            }
            (None, c) if c.is_whitespace() => {
                if any || !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
                any = false;
            }
            (None, c) => cur.push(c),
        }
    }
    if any || !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// `%config` lists what can be configured; `%config Class.option = value` is accepted
/// for IPython's display options (Tessera's displays need no configuration).
pub fn config(m: &mut MagicCtx, line: &str) -> Out {
    if line.trim().is_empty() {
        m.print("Available objects for config:\n    InlineBackend\n");
    }
    Ok(None)
}

/// `%%writefile [-a] FILE`: write (or append) the cell body to a file.
pub fn writefile(m: &mut MagicCtx, line: &str, body: &str) -> Out {
    let mut args: Vec<&str> = line.split_whitespace().collect();
    let append = args.first() == Some(&"-a");
    if append {
        args.remove(0);
    }
    let [file] = args[..] else {
        return Err(MagicError::Usage("%%writefile [-a] FILENAME".into()));
    };
    let body = body.strip_prefix('\n').unwrap_or(body);
    let exists = std::path::Path::new(file).exists();
    let verb = match (append, exists) {
        (true, _) => "Appending to",
        (false, true) => "Overwriting",
        (false, false) => "Writing",
    };
    m.print(&format!("{verb} {file}\n"));
    let result = if append {
        use std::io::Write;
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(file)
            .and_then(|mut f| f.write_all(body.as_bytes()))
    } else {
        std::fs::write(file, body)
    };
    result.map_err(|e| MagicError::File(format!("{file}: {e}")))?;
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::split_args;

    #[test]
    fn run_arguments_split_like_a_shell() {
        assert_eq!(split_args("prep.py -d random"), ["prep.py", "-d", "random"]);
        assert_eq!(split_args(" a  'b c' \"\" "), ["a", "b c", ""]);
        assert!(split_args("   ").is_empty());
    }
}
