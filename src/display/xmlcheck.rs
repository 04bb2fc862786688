//! Test helper: a tiny XML well-formedness check (balanced tags, quoted attributes, known
//! entities) so every renderer's output is proven parseable without an extra dependency.

/// Panic with a message if `text` is not well-formed XML (fragments with several roots allowed).
pub fn assert_well_formed(text: &str) {
    if let Err(e) = check(text) {
        panic!("not well-formed XML: {e}\n---\n{text}");
    }
}

/// Check `text`; the error names the first problem.
pub fn check(text: &str) -> Result<(), String> {
    let b = text.as_bytes();
    let mut stack: Vec<String> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'<' => {
                if text[i..].starts_with("<!--") {
                    let end = text[i..].find("-->").ok_or("unterminated comment")?;
                    i += end + 3;
                    continue;
                }
                if text[i..].starts_with("<?") || text[i..].starts_with("<!") {
                    let end = text[i..].find('>').ok_or("unterminated declaration")?;
                    i += end + 1;
                    continue;
                }
                let end = tag_end(b, i)?;
                let inner = &text[i + 1..end];
                if let Some(name) = inner.strip_prefix('/') {
                    let name = name.trim();
                    match stack.pop() {
                        Some(open) if open == name => {}
                        other => return Err(format!("</{name}> closes {other:?} at byte {i}")),
                    }
                } else {
                    let self_closing = inner.ends_with('/');
                    let body = inner.trim_end_matches('/');
                    let name: String = body.chars().take_while(|c| !c.is_whitespace()).collect();
                    if name.is_empty()
                        || !name
                            .chars()
                            .all(|c| c.is_alphanumeric() || "-_:.".contains(c))
                    {
                        return Err(format!("bad tag name {name:?} at byte {i}"));
                    }
                    check_attrs(&body[name.len()..])?;
                    if !self_closing {
                        stack.push(name);
                    }
                }
                i = end + 1;
            }
            b'&' => {
                let end = text[i..].find(';').ok_or("unterminated entity")?;
                let ent = &text[i + 1..i + end];
                let ok = matches!(ent, "amp" | "lt" | "gt" | "quot" | "apos")
                    || (ent.starts_with('#') && ent.len() > 1);
                if !ok {
                    return Err(format!("unknown entity &{ent};"));
                }
                i += end + 1;
            }
            b'>' => return Err(format!("stray '>' at byte {i}")),
            _ => i += 1,
        }
    }
    if let Some(open) = stack.pop() {
        return Err(format!("<{open}> never closed"));
    }
    Ok(())
}

fn tag_end(b: &[u8], start: usize) -> Result<usize, String> {
    let mut quote: Option<u8> = None;
    for (j, &c) in b.iter().enumerate().skip(start + 1) {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => return Ok(j),
            (_, b'<') => return Err(format!("'<' inside tag at byte {j}")),
            _ => {}
        }
    }
    Err(format!("unterminated tag at byte {start}"))
}

fn check_attrs(mut s: &str) -> Result<(), String> {
    let mut seen = Vec::new();
    loop {
        s = s.trim_start();
        if s.is_empty() {
            return Ok(());
        }
        let eq = s
            .find('=')
            .ok_or_else(|| format!("attribute without value: {s:?}"))?;
        let name = s[..eq].trim();
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(format!("bad attribute name {name:?}"));
        }
        if seen.contains(&name.to_string()) {
            return Err(format!("duplicate attribute {name}"));
        }
        seen.push(name.to_string());
        let rest = s[eq + 1..].trim_start();
        let q = rest.chars().next().ok_or("missing attribute value")?;
        if q != '"' && q != '\'' {
            return Err(format!("unquoted attribute {name}"));
        }
        let close = rest[1..].find(q).ok_or("unterminated attribute value")?;
        let value = &rest[1..1 + close];
        if value.contains('<') {
            return Err(format!("'<' in attribute {name}"));
        }
        s = &rest[close + 2..];
    }
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn accepts_good_and_rejects_bad() {
        assert!(check("<svg a=\"1\"><g><rect x='2'/></g><text>a &amp; b</text></svg>").is_ok());
        assert!(check("<!-- c --><a></a><b/>").is_ok());
        assert!(check("<a><b></a></b>").is_err());
        assert!(check("<a>").is_err());
        assert!(check("<a x=1></a>").is_err());
        assert!(check("<a x=\"1\" x=\"2\"></a>").is_err());
        assert!(check("<a>x & y</a>").is_err());
        assert!(check("<a>x > y</a>").is_err());
    }
}
