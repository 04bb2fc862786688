//! Magics that touch the process: `%env`, `%pwd`, `%cd`, `%run`, `%%writefile`.

use super::{MagicCtx, MagicError, MagicResult};
use crate::display::MimeBundle;

/// A string's Python repr (`'a'`, `"it's"`).
pub fn py_str(s: &str) -> String {
    crate::lang::repr::str_repr(s)
}

/// `%env` (all, as a dict), `%env NAME` (its value), `%env NAME=value` / `NAME value` (set).
pub fn env(m: &mut MagicCtx, line: &str) -> Result<Option<MimeBundle>, MagicError> {
    let line = line.trim();
    if line.is_empty() {
        let mut vars: Vec<(String, String)> = std::env::vars().collect();
        vars.sort();
        let items: Vec<String> = vars
            .iter()
            .map(|(k, v)| format!("{}: {}", py_str(k), py_str(v)))
            .collect();
        return Ok(Some(MimeBundle::plain(format!("{{{}}}", items.join(", ")))));
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
            Ok(v) => Ok(Some(MimeBundle::plain(py_str(&v)))),
            Err(_) => Err(MagicError::Usage(format!(
                "Environment does not have key: {line}"
            ))),
        },
    }
}

/// `%pwd`: the working directory.
pub fn pwd() -> Result<Option<MimeBundle>, MagicError> {
    let d = std::env::current_dir().map_err(|e| MagicError::Usage(e.to_string()))?;
    Ok(Some(MimeBundle::plain(py_str(&d.display().to_string()))))
}

/// `%cd DIR` (home without an argument): change directory and print it.
pub fn cd(m: &mut MagicCtx, line: &str) -> Result<Option<MimeBundle>, MagicError> {
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

/// `%run FILE.py`: execute a dialect file in the session's namespace.
pub fn run(m: &mut MagicCtx, line: &str) -> MagicResult {
    let mut parts = line.split_whitespace();
    let Some(file) = parts.next() else {
        return Err(MagicError::Usage("%run needs a file name".into()).into_py());
    };
    let src = std::fs::read_to_string(file)
        .map_err(|e| MagicError::File(format!("File `{file}` not found: {e}")).into_py())?;
    let name = format!("File {file}");
    m.interp.exec_cell(&src, &name, m.ctx)?;
    Ok(None)
}

/// `%%writefile [-a] FILE`: write (or append) the cell body to a file.
pub fn writefile(
    m: &mut MagicCtx,
    line: &str,
    body: &str,
) -> Result<Option<MimeBundle>, MagicError> {
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
    use super::py_str;

    #[test]
    fn python_string_repr() {
        assert_eq!(py_str("abc"), "'abc'");
        assert_eq!(py_str("it's"), "\"it's\"");
        assert_eq!(py_str("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(py_str("x\ny\\"), "'x\\ny\\\\'");
    }
}
