//! `obj?` and `obj??`: IPython's help syntax, answered with a pager payload.

/// A parsed help request.
pub(crate) struct HelpQuery {
    /// The dotted name to inspect.
    pub name: String,
    /// 0 for `?`, 1 for `??`.
    pub detail: u8,
}

/// Recognise a one-line cell `name?`, `name??`, `?name` or `??name`.
pub(crate) fn help_query(code: &str) -> Option<HelpQuery> {
    let t = code.trim();
    if t.contains('\n') || t.is_empty() {
        return None;
    }
    let (body, detail) = if let Some(b) = t.strip_suffix("??") {
        (b, 1)
    } else if let Some(b) = t.strip_suffix('?') {
        (b, 0)
    } else if let Some(b) = t.strip_prefix("??") {
        (b, 1)
    } else if let Some(b) = t.strip_prefix('?') {
        (b, 0)
    } else {
        return None;
    };
    let body = body.trim();
    let valid = !body.is_empty()
        && body
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '_'))
        && !body.starts_with(|c: char| c.is_ascii_digit());
    valid.then(|| HelpQuery {
        name: body.to_string(),
        detail,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_help_forms() {
        assert_eq!(help_query("print?").unwrap().name, "print");
        assert_eq!(help_query("np.sum??").unwrap().detail, 1);
        assert_eq!(help_query("?len").unwrap().name, "len");
        assert!(help_query("x = 1?").is_none());
        assert!(help_query("a ? b").is_none());
        assert!(help_query("1?").is_none());
        assert!(help_query("x = 1\ny?").is_none());
    }
}
