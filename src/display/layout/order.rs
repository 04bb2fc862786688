//! Ordering within layers: long edges split by dummy vertices, then barycenter sweeps (down
//! and up) plus adjacent transposition, keeping the ordering with the fewest crossings.

/// The layered "proper" graph: every edge joins adjacent layers.
#[derive(Clone, Debug)]
pub struct Proper {
    /// Vertices per layer, in drawing order. Real nodes are `0..n_real`, dummies above.
    pub layers: Vec<Vec<usize>>,
    /// Layer of every vertex.
    pub layer_of: Vec<usize>,
    /// Neighbours in the layer below (smaller index) per vertex.
    pub up: Vec<Vec<usize>>,
    /// Neighbours in the layer above per vertex.
    pub down: Vec<Vec<usize>>,
    /// Per input edge, its vertex chain from source to target (dummies in between).
    pub chains: Vec<Vec<usize>>,
    /// Number of real nodes.
    pub n_real: usize,
}

impl Proper {
    /// Build from layer assignments and edges, inserting a dummy per skipped layer.
    pub fn build(layer: &[usize], edges: &[(usize, usize)]) -> Self {
        let n = layer.len();
        let n_layers = layer.iter().map(|l| l + 1).max().unwrap_or(0);
        let mut layer_of = layer.to_vec();
        let mut up = vec![Vec::new(); n];
        let mut down = vec![Vec::new(); n];
        let mut chains = Vec::with_capacity(edges.len());
        for &(a, b) in edges {
            let mut chain = vec![a];
            let mut prev = a;
            for l in layer[a] + 1..layer[b] {
                let d = layer_of.len();
                layer_of.push(l);
                up.push(vec![prev]);
                down.push(Vec::new());
                down[prev].push(d);
                chain.push(d);
                prev = d;
            }
            down[prev].push(b);
            up[b].push(prev);
            chain.push(b);
            chains.push(chain);
        }
        let mut layers = vec![Vec::new(); n_layers];
        for (v, &l) in layer_of.iter().enumerate() {
            layers[l].push(v);
        }
        Self {
            layers,
            layer_of,
            up,
            down,
            chains,
            n_real: n,
        }
    }

    fn positions(&self) -> Vec<usize> {
        let mut pos = vec![0; self.layer_of.len()];
        for layer in &self.layers {
            for (i, &v) in layer.iter().enumerate() {
                pos[v] = i;
            }
        }
        pos
    }

    /// Total edge crossings of the current ordering.
    pub fn crossings(&self) -> usize {
        let pos = self.positions();
        let mut total = 0;
        for l in 0..self.layers.len().saturating_sub(1) {
            let mut es: Vec<(usize, usize)> = self.layers[l]
                .iter()
                .flat_map(|&v| self.down[v].iter().map(move |&w| (v, w)))
                .map(|(v, w)| (pos[v], pos[w]))
                .collect();
            es.sort_unstable();
            total += count_inversions(&es, self.layers[l + 1].len());
        }
        total
    }

    /// Reorder layers to reduce crossings; returns the final crossing count.
    pub fn minimize(&mut self, max_sweeps: usize) -> usize {
        let mut best = self.layers.clone();
        let mut best_c = self.crossings();
        for sweep in 0..max_sweeps {
            if best_c == 0 {
                break;
            }
            // Every other pair of sweeps breaks barycenter ties the other way round.
            let flip = sweep % 4 >= 2;
            if sweep % 2 == 0 {
                for l in 1..self.layers.len() {
                    self.sort_by_barycenter(l, true, flip);
                }
            } else {
                for l in (0..self.layers.len().saturating_sub(1)).rev() {
                    self.sort_by_barycenter(l, false, flip);
                }
            }
            self.transpose();
            let c = self.crossings();
            if c < best_c {
                best_c = c;
                best = self.layers.clone();
            }
        }
        self.layers = best;
        best_c
    }

    fn sort_by_barycenter(&mut self, l: usize, use_up: bool, flip_ties: bool) {
        let pos = self.positions();
        let mut keyed: Vec<(f64, usize)> = self.layers[l]
            .iter()
            .map(|&v| {
                let nb = if use_up { &self.up[v] } else { &self.down[v] };
                let key = if nb.is_empty() {
                    pos[v] as f64
                } else {
                    nb.iter().map(|&w| pos[w] as f64).sum::<f64>() / nb.len() as f64
                };
                (key, v)
            })
            .collect();
        if flip_ties {
            keyed.reverse();
        }
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
        self.layers[l] = keyed.into_iter().map(|(_, v)| v).collect();
    }

    /// Crossings among the edges of `u` and `v` (to both neighbouring layers) with u left of v.
    fn pair_crossings(&self, pos: &[usize], u: usize, v: usize) -> usize {
        let mut c = 0;
        for nbs in [(&self.up[u], &self.up[v]), (&self.down[u], &self.down[v])] {
            for &a in nbs.0 {
                for &b in nbs.1 {
                    if pos[a] > pos[b] {
                        c += 1;
                    }
                }
            }
        }
        c
    }

    /// Swap adjacent vertices while that lowers crossings (a few passes).
    fn transpose(&mut self) {
        for _ in 0..4 {
            if !self.transpose_pass() {
                break;
            }
        }
    }

    /// One pass over every layer swapping neighbours that lower crossings; true if any moved.
    fn transpose_pass(&mut self) -> bool {
        let mut moved = false;
        for l in 0..self.layers.len() {
            let mut pos = self.positions();
            let mut i = 0;
            while i + 1 < self.layers[l].len() {
                let (u, v) = (self.layers[l][i], self.layers[l][i + 1]);
                let (keep, swap) = (
                    self.pair_crossings(&pos, u, v),
                    self.pair_crossings(&pos, v, u),
                );
                if swap < keep {
                    self.layers[l].swap(i, i + 1);
                    pos[u] = i + 1;
                    pos[v] = i;
                    moved = true;
                }
                i += 1;
            }
        }
        moved
    }
}

/// Pairs (i < j) in a (first, second)-sorted edge list whose second coordinates are inverted.
fn count_inversions(edges: &[(usize, usize)], width: usize) -> usize {
    let mut tree = vec![0usize; width + 1];
    let mut inv = 0;
    for (seen, &(_, w)) in edges.iter().enumerate() {
        // Count earlier edges ending strictly right of w: seen - (ending at ≤ w).
        let mut i = w + 1;
        let mut le = 0;
        while i > 0 {
            le += tree[i];
            i &= i - 1;
        }
        inv += seen - le;
        let mut i = w + 1;
        while i <= width {
            tree[i] += 1;
            i += i & i.wrapping_neg();
        }
    }
    inv
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inversions_count_crossings() {
        assert_eq!(count_inversions(&[(0, 1), (1, 0)], 2), 1);
        assert_eq!(count_inversions(&[(0, 0), (0, 1), (1, 0)], 2), 1);
        assert_eq!(count_inversions(&[(0, 0), (1, 1), (2, 2)], 3), 0);
        assert_eq!(count_inversions(&[(0, 2), (1, 1), (2, 0)], 3), 3);
    }

    #[test]
    fn dummies_split_long_edges() {
        let p = Proper::build(&[0, 1, 3], &[(0, 1), (0, 2)]);
        assert_eq!(p.chains[1].len(), 4);
        assert_eq!(p.layers.len(), 4);
        assert_eq!(p.layer_of.len(), 5);
    }

    #[test]
    fn a_crossed_pair_is_uncrossed() {
        // 0→3, 1→2 with layer 1 ordered [2, 3]: one crossing, fixable.
        let mut p = Proper::build(&[0, 0, 1, 1], &[(0, 3), (1, 2)]);
        assert_eq!(p.crossings(), 1);
        assert_eq!(p.minimize(8), 0);
        assert_eq!(p.crossings(), 0);
    }
}
