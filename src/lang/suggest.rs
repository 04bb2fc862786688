//! "Did you mean" suggestions, following CPython's weighted edit distance
//! (case changes are cheap, other edits cost 2; candidates farther than a
//! length-dependent bound are ignored).

const MOVE: usize = 2;
const CASE: usize = 1;

fn sub_cost(a: char, b: char) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE
    } else {
        MOVE
    }
}

fn distance(a: &[char], b: &[char], max: usize) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| j * MOVE).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![(i + 1) * MOVE; b.len() + 1];
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let v = (prev[j] + sub_cost(*ca, *cb))
                .min(prev[j + 1] + MOVE)
                .min(cur[j] + MOVE);
            cur[j + 1] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return max + 1;
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The closest candidate to `name`, if any is close enough.
pub fn closest(name: &str, cands: &[String]) -> Option<String> {
    if name.len() > 40 || cands.len() > 750 {
        return None;
    }
    let a: Vec<char> = name.chars().collect();
    let mut best: Option<(usize, &String)> = None;
    for c in cands {
        if c == name {
            continue;
        }
        let b: Vec<char> = c.chars().collect();
        let max = (a.len() + b.len() + 3) * MOVE / 6;
        let limit = best
            .map(|(d, _)| d.saturating_sub(1))
            .unwrap_or(max)
            .min(max);
        let d = distance(&a, &b, limit);
        if d > limit {
            continue;
        }
        if best.map(|(bd, _)| d < bd).unwrap_or(true) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_like_cpython() {
        let c = vec!["undefined_name".to_string(), "print".to_string()];
        assert_eq!(closest("undefined_nam", &c), Some("undefined_name".into()));
        assert_eq!(closest("prnt", &c), Some("print".into()));
        assert_eq!(closest("zzzzzz", &c), None);
    }
}
