//! `%whos`: IPython's variable table, with lazy arrays described by shape,
//! chunks, dtype, bytes and whether they are lazy or persisted.

use super::namespace::user_names;
use super::{MagicCtx, MagicError};
use crate::lang::Value;

/// Gap after the name and type columns (IPython's `colsep`).
const COLSEP: usize = 3;

/// `%whos`: a table of the user's variables.
pub fn whos(m: &mut MagicCtx, line: &str) -> Result<Option<Value>, MagicError> {
    if !line.trim().is_empty() {
        return Err(MagicError::Usage(
            "type filters for %whos are not supported yet".into(),
        ));
    }
    let rows: Vec<(String, String, String)> = user_names(m)
        .into_iter()
        .filter_map(|n| m.interp.get_global(&n).map(|v| (n, v)))
        .map(|(n, v)| (n, v.type_name(), data_info(&v)))
        .collect();
    if rows.is_empty() {
        m.print("Interactive namespace is empty.\n");
        return Ok(None);
    }
    m.print(&table(&rows));
    Ok(None)
}

/// The formatted table for `(name, type, data)` rows.
fn table(rows: &[(String, String, String)]) -> String {
    let (vlabel, tlabel, dlabel) = ("Variable", "Type", "Data/Info");
    let vw = rows
        .iter()
        .map(|r| r.0.chars().count())
        .max()
        .unwrap_or(0)
        .max(vlabel.len())
        + COLSEP;
    let tw = rows
        .iter()
        .map(|r| r.1.chars().count())
        .max()
        .unwrap_or(0)
        .max(tlabel.len())
        + COLSEP;
    let mut out = format!("{vlabel:<vw$}{tlabel:<tw$} {dlabel}\n");
    out.push_str(&"-".repeat(vw + tw + dlabel.len() + 1));
    out.push('\n');
    for (n, t, d) in rows {
        out.push_str(&format!("{n:<vw$}{t:<tw$} {d}\n"));
    }
    out
}

/// The Data/Info column: `n=3` for containers, the object's own summary for
/// arrays, otherwise `str(x)` on one line, shortened in the middle past 50 chars.
fn data_info(v: &Value) -> String {
    match v {
        Value::List(l) => return format!("n={}", l.read().len()),
        Value::Tuple(t) => return format!("n={}", t.len()),
        Value::Dict(d) => return format!("n={}", d.read().len()),
        Value::Object(o) => {
            if let Some(s) = o.summary() {
                return s;
            }
        }
        _ => {}
    }
    shorten(&crate::lang::repr::str_simple(v).replace('\n', "\\n"))
}

fn shorten(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() < 50 {
        return s.to_string();
    }
    let head: String = chars[..25].iter().collect();
    let tail: String = chars[chars.len() - 25..].iter().collect();
    format!("{head}<...>{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_matches_ipython_layout() {
        let rows = vec![
            ("a".to_string(), "int".to_string(), "1".to_string()),
            ("values".to_string(), "list".to_string(), "n=3".to_string()),
        ];
        assert_eq!(
            table(&rows),
            "Variable   Type    Data/Info\n\
             ----------------------------\n\
             a          int     1\n\
             values     list    n=3\n"
        );
    }

    #[test]
    fn long_values_are_shortened_in_the_middle() {
        let s: String = ('a'..='z').cycle().take(60).collect();
        let short = shorten(&s);
        assert_eq!(short.chars().count(), 55);
        assert!(short.starts_with("abcdefghijklmnopqrstuvwxy<...>"));
        assert_eq!(shorten("short"), "short");
    }

    #[test]
    fn containers_show_their_length() {
        assert_eq!(data_info(&Value::list(vec![Value::Int(1); 3])), "n=3");
        assert_eq!(data_info(&Value::str("x\ny")), "x\\ny");
    }
}
