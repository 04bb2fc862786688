use super::*;

fn unit(n: usize) -> Vec<NodeSize> {
    vec![
        NodeSize {
            breadth: 30.0,
            depth: 20.0
        };
        n
    ]
}

#[test]
fn diamond_has_no_crossings_and_symmetry() {
    // 0 → 1, 0 → 2, 1 → 3, 2 → 3
    let l = layout(
        &unit(4),
        &[(0, 1), (0, 2), (1, 3), (2, 3)],
        Spacing::default(),
    )
    .unwrap();
    assert_eq!(l.crossings, 0);
    assert_eq!(l.layers.len(), 3);
    let x = &l.breadth_pos;
    assert!((x[0] - x[3]).abs() < 1e-6, "top and bottom aligned: {x:?}");
    assert!((x[0] - (x[1] + x[2]) / 2.0).abs() < 1e-6);
}

/// Dask's picture of `ones((4, 4) blocks).sum()` with split_every 2×2: per block a
/// creation op → data → sum op → data; 2×2 groups → partial op → data; then aggregate.
/// Node ids are assigned row-major so groups interleave and the start has crossings.
pub(crate) fn sum_tree_4x4() -> (Vec<bool>, Vec<(usize, usize)>) {
    let mut is_op = Vec::new();
    let mut edges = Vec::new();
    let new = |op: bool, is_op: &mut Vec<bool>| {
        is_op.push(op);
        is_op.len() - 1
    };
    let mut block_sums = vec![vec![0; 4]; 4];
    for (i, row) in block_sums.iter_mut().enumerate() {
        for (j, slot) in row.iter_mut().enumerate() {
            let _ = (i, j);
            let make = new(true, &mut is_op);
            let data = new(false, &mut is_op);
            let sum = new(true, &mut is_op);
            let out = new(false, &mut is_op);
            edges.extend([(make, data), (data, sum), (sum, out)]);
            *slot = out;
        }
    }
    let agg = new(true, &mut is_op);
    let result = new(false, &mut is_op);
    for a in 0..2 {
        for b in 0..2 {
            let part = new(true, &mut is_op);
            let part_out = new(false, &mut is_op);
            for i in 0..2 {
                for j in 0..2 {
                    edges.push((block_sums[2 * a + i][2 * b + j], part));
                }
            }
            edges.push((part, part_out));
            edges.push((part_out, agg));
        }
    }
    edges.push((agg, result));
    (is_op, edges)
}

#[test]
fn chunk_sum_tree_has_no_crossings() {
    let (is_op, edges) = sum_tree_4x4();
    // Before ordering, row-major ids interleave the 2×2 groups.
    let layer = layers::assign_layers(is_op.len(), &edges).unwrap();
    let start = order::Proper::build(&layer, &edges);
    assert!(start.crossings() > 0, "test must start crossed");
    let l = layout(&unit(is_op.len()), &edges, Spacing::default()).unwrap();
    assert_eq!(l.crossings, 0);
    assert_eq!(l.layers.len(), 8);
    // No two vertices of a layer overlap.
    for layer in &l.layers {
        for w in layer.windows(2) {
            assert!(l.breadth_pos[w[1]] > l.breadth_pos[w[0]]);
        }
    }
}

#[test]
fn long_edges_bend_through_dummies() {
    // 0 → 1 → 2 → 3 and 0 → 3 directly.
    let l = layout(
        &unit(4),
        &[(0, 1), (1, 2), (2, 3), (0, 3)],
        Spacing::default(),
    )
    .unwrap();
    assert_eq!(l.chains[3].len(), 4);
    assert_eq!(l.crossings, 0);
    assert!(l.rank_pos.windows(2).all(|w| w[1] > w[0]));
}

#[test]
fn a_wide_graph_lays_out_quickly() {
    // 500 independent chains of 3 plus a final gather.
    let n = 500 * 3 + 1;
    let mut edges = Vec::new();
    for c in 0..500 {
        edges.push((3 * c, 3 * c + 1));
        edges.push((3 * c + 1, 3 * c + 2));
        edges.push((3 * c + 2, n - 1));
    }
    let t = std::time::Instant::now();
    let l = layout(&unit(n), &edges, Spacing::default()).unwrap();
    assert_eq!(l.crossings, 0);
    assert!(t.elapsed().as_secs_f64() < 5.0, "{:?}", t.elapsed());
}

#[test]
fn a_500_task_graph_is_fast_and_nearly_uncrossed() {
    // x + x.T on 12×12 blocks: 144 × (ones, transpose, add) ≈ 430 tasks, 860 nodes.
    let n = 12;
    let id = |i: usize, j: usize, k: usize| ((i * n + j) * 6) + k;
    let mut edges = Vec::new();
    for i in 0..n {
        for j in 0..n {
            // k: 0 ones op, 1 x data, 2 transpose op, 3 xT data, 4 add op, 5 result
            edges.push((id(i, j, 0), id(i, j, 1)));
            edges.push((id(j, i, 1), id(i, j, 2)));
            edges.push((id(i, j, 2), id(i, j, 3)));
            edges.push((id(i, j, 1), id(i, j, 4)));
            edges.push((id(i, j, 3), id(i, j, 4)));
            edges.push((id(i, j, 4), id(i, j, 5)));
        }
    }
    let t = std::time::Instant::now();
    let l = layout(&unit(n * n * 6), &edges, Spacing::default()).unwrap();
    let secs = t.elapsed().as_secs_f64();
    assert!(secs < 10.0, "{secs}s");
    // Transposed pairs (i,j)/(j,i) can sit side by side: the orderer must find most of that.
    let start = order::Proper::build(&layers::assign_layers(n * n * 6, &edges).unwrap(), &edges);
    assert!(
        l.crossings * 10 < start.crossings(),
        "{} vs {}",
        l.crossings,
        start.crossings()
    );
}

#[test]
fn a_long_edge_beside_a_chain_is_routed_around_it() {
    // Four inc → a → double → b chains; add(b0, b1), add(b2, a3), sum(s1, s2, a0).
    let mut edges = Vec::new();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for c in 0..4 {
        let base = 4 * c;
        edges.extend([(base, base + 1), (base + 1, base + 2), (base + 2, base + 3)]);
        a.push(base + 1);
        b.push(base + 3);
    }
    let (add1, s1, add2, s2, total, t) = (16, 17, 18, 19, 20, 21);
    edges.extend([(b[0], add1), (b[1], add1), (add1, s1)]);
    edges.extend([(b[2], add2), (a[3], add2), (add2, s2)]);
    edges.extend([(s1, total), (s2, total), (a[0], total), (total, t)]);
    let l = layout(&unit(22), &edges, Spacing::default()).unwrap();
    assert_eq!(l.crossings, 0);
}
