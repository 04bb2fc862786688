//! Layer assignment: longest path from the sources, then sources pulled up next to their
//! first consumer so constants and inputs used late do not drag long edges across the page.

use crate::display::error::DisplayError;

/// Layer index per node for edges `(from, to)`: every edge goes to a strictly higher layer.
pub fn assign_layers(n: usize, edges: &[(usize, usize)]) -> Result<Vec<usize>, DisplayError> {
    let mut succ = vec![Vec::new(); n];
    let mut indeg = vec![0usize; n];
    for &(a, b) in edges {
        if a >= n || b >= n {
            return Err(DisplayError::BadEdge {
                from: a,
                to: b,
                nodes: n,
            });
        }
        succ[a].push(b);
        indeg[b] += 1;
    }
    let has_pred: Vec<bool> = indeg.iter().map(|&d| d > 0).collect();
    let mut layer = vec![0usize; n];
    let mut ready: Vec<usize> = (0..n).filter(|&v| indeg[v] == 0).rev().collect();
    let mut seen = 0;
    let mut topo = Vec::with_capacity(n);
    while let Some(v) = ready.pop() {
        seen += 1;
        topo.push(v);
        for &w in &succ[v] {
            layer[w] = layer[w].max(layer[v] + 1);
            indeg[w] -= 1;
            if indeg[w] == 0 {
                ready.push(w);
            }
        }
    }
    if seen < n {
        let stuck = (0..n).find(|&v| indeg[v] > 0).unwrap_or(0);
        return Err(DisplayError::Cycle(stuck));
    }
    // Pull each source up to just below its earliest consumer.
    for v in 0..n {
        if !has_pred[v] {
            if let Some(m) = succ[v].iter().map(|&w| layer[w]).min() {
                layer[v] = m.saturating_sub(1);
            }
        }
    }
    Ok(layer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_path_layers() {
        // a → b → c, a → c: c must sit above b.
        let l = assign_layers(3, &[(0, 1), (1, 2), (0, 2)]).unwrap();
        assert_eq!(l, vec![0, 1, 2]);
    }

    #[test]
    fn late_sources_are_pulled_up() {
        // 0 → 1 → 2 → 3 and a constant 4 → 3.
        let l = assign_layers(5, &[(0, 1), (1, 2), (2, 3), (4, 3)]).unwrap();
        assert_eq!(l[4], 2);
        assert_eq!(l[3], 3);
    }

    #[test]
    fn cycles_and_bad_edges_are_errors() {
        assert!(matches!(
            assign_layers(2, &[(0, 1), (1, 0)]),
            Err(DisplayError::Cycle(_))
        ));
        assert!(matches!(
            assign_layers(2, &[(0, 5)]),
            Err(DisplayError::BadEdge { .. })
        ));
    }
}
