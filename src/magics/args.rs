//! IPython-style option parsing for magics: `-n10`, `-n 10`, `-q`, then the rest.

use super::error::MagicError;
use std::collections::HashMap;

/// Parsed options and the remaining text.
#[derive(Debug, Default)]
pub struct Opts {
    /// Option letter → value ("" for flags).
    pub values: HashMap<char, String>,
    /// Text after the options.
    pub rest: String,
}

impl Opts {
    /// Whether flag `c` was given.
    pub fn has(&self, c: char) -> bool {
        self.values.contains_key(&c)
    }

    /// A numeric option.
    pub fn num<T: std::str::FromStr>(&self, c: char) -> Result<Option<T>, MagicError> {
        match self.values.get(&c) {
            None => Ok(None),
            Some(v) => v
                .parse()
                .map(Some)
                .map_err(|_| MagicError::Usage(format!("option -{c} expects a number, got {v:?}"))),
        }
    }
}

/// Parse leading options. `spec` is getopt-like: a letter followed by ':' takes a value.
pub fn parse(line: &str, spec: &str) -> Result<Opts, MagicError> {
    let mut opts = Opts::default();
    let mut rest = line.trim_start();
    while let Some(stripped) = rest.strip_prefix('-') {
        let mut chars = stripped.chars();
        let Some(c) = chars.next() else { break };
        if !c.is_ascii_alphabetic() {
            break; // e.g. a negative number in the statement
        }
        let Some(pos) = spec.find(c) else {
            return Err(MagicError::Usage(format!(
                "option -{c} not recognized (allowed: \"{spec}\")"
            )));
        };
        let takes_value = spec[pos + 1..].starts_with(':');
        let after = chars.as_str();
        if takes_value {
            let (value, remaining) = if after.is_empty() || after.starts_with(char::is_whitespace) {
                let t = after.trim_start();
                let end = t.find(char::is_whitespace).unwrap_or(t.len());
                (&t[..end], &t[end..])
            } else {
                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                (&after[..end], &after[end..])
            };
            if value.is_empty() {
                return Err(MagicError::Usage(format!(
                    "option -{c} requires an argument"
                )));
            }
            opts.values.insert(c, value.to_string());
            rest = remaining.trim_start();
        } else {
            opts.values.insert(c, String::new());
            if after.is_empty() || after.starts_with(char::is_whitespace) {
                rest = after.trim_start();
            } else {
                // Combined flags such as -qo.
                rest = &stripped[c.len_utf8()..];
                rest = rest.trim_start();
                if !rest.starts_with('-') && !after.is_empty() {
                    let mut r = String::from("-");
                    r.push_str(after);
                    return parse_combined(&r, spec, opts);
                }
            }
        }
    }
    opts.rest = rest.to_string();
    Ok(opts)
}

fn parse_combined(rest: &str, spec: &str, mut opts: Opts) -> Result<Opts, MagicError> {
    let more = parse(rest, spec)?;
    opts.values.extend(more.values);
    opts.rest = more.rest;
    Ok(opts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_values_flags_and_rest() {
        let o = parse("-n10 -r 3 -q x.sum()", "n:r:p:qo").unwrap();
        assert_eq!(o.num::<u64>('n').unwrap(), Some(10));
        assert_eq!(o.num::<u64>('r').unwrap(), Some(3));
        assert!(o.has('q'));
        assert_eq!(o.rest, "x.sum()");
        let o = parse("-qo 1 + 1", "n:r:p:qo").unwrap();
        assert!(o.has('q') && o.has('o'));
        assert_eq!(o.rest, "1 + 1");
        assert_eq!(parse("-1 + 2", "n:").unwrap().rest, "-1 + 2");
        assert!(parse("-z 1", "n:").is_err());
        assert!(parse("-n", "n:").is_err());
    }
}
