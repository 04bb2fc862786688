//! Finding magics in a cell: a `%%name` first line makes a cell magic; a line
//! starting with `%` at column 0 is a line magic between code segments.

/// A piece of a cell, run in order.
#[derive(Debug, PartialEq)]
pub enum Segment {
    /// Dialect code, padded with blank lines so tracebacks keep the cell's line numbers.
    Code(String),
    /// A line magic: name and the rest of its line.
    Line(String, String),
    /// `target = %name rest`: a line magic whose value is bound to a variable.
    Assign(String, String, String),
}

/// `(target, name, args)` for a line like `r = %timeit -o x.sum()`.
fn assignment(line: &str) -> Option<(String, String, String)> {
    let (target, rhs) = line.split_once('=')?;
    let target = target.trim_end();
    let ident = |t: &str| {
        let mut cs = t.chars();
        cs.next().is_some_and(|c| c.is_alphabetic() || c == '_')
            && cs.all(|c| c.is_alphanumeric() || c == '_')
    };
    if target.is_empty() || target.starts_with(char::is_whitespace) || !ident(target) {
        return None;
    }
    let rest = rhs
        .trim_start()
        .strip_prefix('%')
        .filter(|r| !r.starts_with('%'))?;
    let rest = rest.trim_end_matches(['\n', '\r']);
    let (name, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    (!name.is_empty()).then(|| {
        (
            target.to_string(),
            name.to_string(),
            args.trim().to_string(),
        )
    })
}

/// `(name, line, body)` when the cell's first non-blank line is `%%name line`.
pub fn cell_magic(code: &str) -> Option<(String, String, String)> {
    let mut lines = code.split_inclusive('\n');
    let mut skipped = 0;
    for first in lines.by_ref() {
        if first.trim().is_empty() {
            skipped += 1;
            continue;
        }
        let rest = first.trim_start().strip_prefix("%%")?;
        let rest = rest.trim_end_matches(['\n', '\r']);
        let (name, line) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let body: String = "\n".repeat(skipped + 1) + &lines.collect::<String>();
        return Some((name.to_string(), line.trim().to_string(), body));
    }
    None
}

/// Split a cell at top-level line magics. A cell without magics is one segment.
pub fn segments(code: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut has_code = false;
    for (idx, line) in code.split_inclusive('\n').enumerate() {
        if let Some((target, name, args)) = assignment(line) {
            if has_code {
                out.push(Segment::Code(std::mem::take(&mut current)));
                has_code = false;
            }
            out.push(Segment::Assign(target, name, args));
            current = "\n".repeat(idx + 1);
        } else if let Some(rest) = line.strip_prefix('%').filter(|r| !r.starts_with('%')) {
            if has_code {
                out.push(Segment::Code(std::mem::take(&mut current)));
                has_code = false;
            }
            let rest = rest.trim_end_matches(['\n', '\r']);
            let (name, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
            out.push(Segment::Line(name.to_string(), args.trim().to_string()));
            // The next segment starts on line idx + 1: pad so tracebacks keep line numbers.
            current = "\n".repeat(idx + 1);
        } else {
            if !line.trim().is_empty() && !line.trim_start().starts_with('#') {
                has_code = true;
            }
            current.push_str(line);
        }
    }
    if has_code || out.is_empty() {
        out.push(Segment::Code(current));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_cell_is_one_segment() {
        assert_eq!(segments("x = 1\nx"), vec![Segment::Code("x = 1\nx".into())]);
    }

    #[test]
    fn line_magic_between_code_keeps_line_numbers() {
        let s = segments("e = 1\n%time e + 1\ny = 2\ny");
        assert_eq!(s[0], Segment::Code("e = 1\n".into()));
        assert_eq!(s[1], Segment::Line("time".into(), "e + 1".into()));
        assert_eq!(s[2], Segment::Code("\n\ny = 2\ny".into()));
    }

    #[test]
    fn magic_as_last_line_and_comments_only() {
        let s = segments("# setup\n%matplotlib inline");
        assert_eq!(s, vec![Segment::Line("matplotlib".into(), "inline".into())]);
    }

    #[test]
    fn magic_value_bound_to_a_name() {
        let s = segments("r = %timeit -o x.sum()\nr.best");
        assert_eq!(
            s[0],
            Segment::Assign("r".into(), "timeit".into(), "-o x.sum()".into())
        );
        assert_eq!(s[1], Segment::Code("\nr.best".into()));
        // Ordinary code with `%` stays code.
        assert_eq!(
            segments("r = x % 2"),
            vec![Segment::Code("r = x % 2".into())]
        );
        assert_eq!(segments("r == %x").len(), 1);
        assert!(matches!(&segments("  r = %time 1")[0], Segment::Code(_)));
    }

    #[test]
    fn cell_magic_header_and_body() {
        let (name, line, body) = cell_magic("%%timeit -r 1\nx.sum()\n").unwrap();
        assert_eq!((name.as_str(), line.as_str()), ("timeit", "-r 1"));
        assert_eq!(body, "\nx.sum()\n");
        assert!(cell_magic("x = 1\n%%time").is_none());
        assert!(cell_magic("x % 2").is_none());
    }
}
