//! In-memory, per-process input history answering `history_request`
//! (tail, range, search with `unique` and `n`).

use serde_json::{json, Value};

/// This process's history session number (frontends echo it back in `range`).
pub const SESSION: i64 = 1;

/// One stored cell.
#[derive(Clone, Debug)]
struct Entry {
    line: i64,
    input: String,
    output: Option<String>,
}

/// The session's history.
#[derive(Default)]
pub struct History {
    entries: Vec<Entry>,
}

impl History {
    /// Record cell `line` with its input and the text of its result, if any.
    pub fn push(&mut self, line: i64, input: &str, output: Option<String>) {
        self.entries.push(Entry {
            line,
            input: input.to_string(),
            output,
        });
    }

    /// Answer a `history_request` content object with the `history` list.
    pub fn query(&self, req: &Value) -> Vec<Value> {
        let with_output = req.get("output").and_then(Value::as_bool).unwrap_or(false);
        let n = req.get("n").and_then(Value::as_i64);
        let selected: Vec<&Entry> = match req.get("hist_access_type").and_then(Value::as_str) {
            Some("range") => self.range(req),
            Some("search") => self.search(req, n),
            _ => last_n(self.entries.iter().collect(), Some(n.unwrap_or(10))),
        };
        selected
            .into_iter()
            .map(|e| {
                if with_output {
                    json!([SESSION, e.line, [e.input, e.output]])
                } else {
                    json!([SESSION, e.line, e.input])
                }
            })
            .collect()
    }

    fn range(&self, req: &Value) -> Vec<&Entry> {
        let session = req.get("session").and_then(Value::as_i64).unwrap_or(0);
        // 0 means "this session"; earlier sessions are not kept.
        if session != 0 && session != SESSION {
            return Vec::new();
        }
        let start = req.get("start").and_then(Value::as_i64).unwrap_or(0);
        let stop = req.get("stop").and_then(Value::as_i64);
        self.entries
            .iter()
            .filter(|e| e.line >= start && stop.is_none_or(|s| e.line < s))
            .collect()
    }

    fn search(&self, req: &Value, n: Option<i64>) -> Vec<&Entry> {
        let pattern = req.get("pattern").and_then(Value::as_str).unwrap_or("*");
        let Ok(glob) = glob::Pattern::new(pattern) else {
            return Vec::new();
        };
        let unique = req.get("unique").and_then(Value::as_bool).unwrap_or(false);
        let mut hits: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| glob.matches(&e.input))
            .collect();
        if unique {
            // Keep the latest occurrence of each distinct input, in order.
            let mut seen = std::collections::HashSet::new();
            let mut kept: Vec<&Entry> = hits
                .iter()
                .rev()
                .filter(|e| seen.insert(e.input.as_str()))
                .copied()
                .collect();
            kept.reverse();
            hits = kept;
        }
        last_n(hits, n)
    }
}

fn last_n(v: Vec<&Entry>, n: Option<i64>) -> Vec<&Entry> {
    match n {
        Some(n) if n >= 0 && (n as usize) < v.len() => v[v.len() - n as usize..].to_vec(),
        _ => v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hist() -> History {
        let mut h = History::default();
        for (i, code) in ["a = 1", "print(a)", "a = 1", "b = 2", "1 + 1"]
            .iter()
            .enumerate()
        {
            h.push(
                i as i64 + 1,
                code,
                (*code == "1 + 1").then(|| "2".to_string()),
            );
        }
        h
    }

    #[test]
    fn tail_returns_last_n_in_order() {
        let r = hist().query(&json!({"hist_access_type": "tail", "n": 2}));
        assert_eq!(r, vec![json!([1, 4, "b = 2"]), json!([1, 5, "1 + 1"])]);
    }

    #[test]
    fn tail_with_output_pairs() {
        let r = hist().query(&json!({"hist_access_type": "tail", "n": 1, "output": true}));
        assert_eq!(r, vec![json!([1, 5, ["1 + 1", "2"]])]);
    }

    #[test]
    fn range_is_half_open_and_tolerates_missing_stop() {
        let h = hist();
        let r = h.query(&json!({"hist_access_type": "range", "session": 1, "start": 2, "stop": 3}));
        assert_eq!(r, vec![json!([1, 2, "print(a)"])]);
        let r = h.query(&json!({"hist_access_type": "range", "start": 4}));
        assert_eq!(r.len(), 2);
        let r = h.query(&json!({"hist_access_type": "range", "session": 7, "start": 1}));
        assert!(r.is_empty());
    }

    #[test]
    fn search_unique_and_n() {
        let h = hist();
        assert_eq!(
            h.query(&json!({"hist_access_type": "search", "pattern": "a*"}))
                .len(),
            2
        );
        let u = h.query(&json!({"hist_access_type": "search", "pattern": "a*", "unique": true}));
        assert_eq!(u, vec![json!([1, 3, "a = 1"])]);
        let n = h.query(&json!({"hist_access_type": "search", "pattern": "*", "n": 3}));
        assert_eq!(n.len(), 3);
        assert_eq!(n[0], json!([1, 3, "a = 1"]));
    }
}
