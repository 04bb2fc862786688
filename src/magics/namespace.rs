//! `%who`, `%who_ls` and `%reset`: the session's namespace.

use super::{MagicCtx, MagicError};
use crate::lang::{Interpreter, Value};

/// The user's variables, sorted, without `_`-prefixed names.
pub fn user_names(m: &MagicCtx) -> Vec<String> {
    let mut names: Vec<String> = m
        .interp
        .global_names()
        .into_iter()
        .filter(|n| !n.starts_with('_'))
        .collect();
    names.sort();
    names
}

fn no_type_filters(line: &str) -> Result<(), MagicError> {
    if line.trim().is_empty() {
        Ok(())
    } else {
        Err(MagicError::Usage(
            "type filters for %who are not supported yet".into(),
        ))
    }
}

/// `%who`: names separated by tabs, nine per line, like IPython.
pub fn who(m: &mut MagicCtx, line: &str) -> Result<Option<Value>, MagicError> {
    no_type_filters(line)?;
    let names = user_names(m);
    if names.is_empty() {
        m.print("Interactive namespace is empty.\n");
        return Ok(None);
    }
    let mut text = String::new();
    for (i, n) in names.iter().enumerate() {
        text.push_str(n);
        text.push_str("\t ");
        if (i + 1).is_multiple_of(9) {
            text.push('\n');
        }
    }
    text.push('\n');
    m.print(&text);
    Ok(None)
}

/// `%who_ls`: the sorted names as a list.
pub fn who_ls(m: &mut MagicCtx, line: &str) -> Result<Option<Value>, MagicError> {
    no_type_filters(line)?;
    let items: Vec<Value> = user_names(m).iter().map(|n| Value::str(n)).collect();
    Ok(Some(Value::list(items)))
}

/// `%reset [-f]`: forget every variable (asks first unless `-f`).
pub fn reset(m: &mut MagicCtx, line: &str) -> Result<Option<Value>, MagicError> {
    let force = line.split_whitespace().any(|a| a == "-f");
    if !force {
        let answer = m
            .ctx
            .out
            .input(
                "Once deleted, variables cannot be recovered. Proceed (y/[n])? ",
                false,
            )
            .unwrap_or_default();
        if answer.trim().to_lowercase() != "y" {
            m.print("Nothing done.\n");
            return Ok(None);
        }
    }
    *m.interp = Interpreter::new();
    Ok(None)
}
