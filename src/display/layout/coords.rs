//! Coordinates within layers: each vertex pulled towards the mean of its neighbours,
//! then the layer's order and minimum spacing restored by isotonic regression (pool
//! adjacent violators), which gives the closest valid placement in one pass.

/// Positions (centres, in-layer axis) for the ordered layers, given each vertex's breadth.
pub fn place(
    layers: &[Vec<usize>],
    up: &[Vec<usize>],
    down: &[Vec<usize>],
    breadth: &[f64],
    sep: f64,
    iterations: usize,
) -> Vec<f64> {
    let mut x = vec![0.0; breadth.len()];
    for layer in layers {
        let mut at = 0.0;
        for (i, &v) in layer.iter().enumerate() {
            if i > 0 {
                at += (breadth[layer[i - 1]] + breadth[v]) / 2.0 + sep;
            }
            x[v] = at;
        }
        let shift = at / 2.0;
        for &v in layer {
            x[v] -= shift;
        }
    }
    let order: Vec<usize> = (0..layers.len()).chain((0..layers.len()).rev()).collect();
    for _ in 0..iterations {
        for &l in &order {
            let layer = &layers[l];
            let desired: Vec<f64> = layer
                .iter()
                .map(|&v| {
                    let nb: Vec<f64> = up[v].iter().chain(&down[v]).map(|&w| x[w]).collect();
                    if nb.is_empty() {
                        x[v]
                    } else {
                        nb.iter().sum::<f64>() / nb.len() as f64
                    }
                })
                .collect();
            let gaps: Vec<f64> = layer
                .windows(2)
                .map(|w| (breadth[w[0]] + breadth[w[1]]) / 2.0 + sep)
                .collect();
            for (v, p) in layer.iter().zip(spaced(&desired, &gaps)) {
                x[*v] = p;
            }
        }
    }
    // Finally hang every layer from the widest one, outwards: chains come out straight and
    // each node sits centred on its neighbours towards the widest layer.
    if layers.is_empty() {
        return x;
    }
    let extent =
        |layer: &Vec<usize>| -> f64 { layer.iter().map(|&v| breadth[v] + sep).sum::<f64>() };
    let widest = (0..layers.len())
        .max_by(|&a, &b| extent(&layers[a]).total_cmp(&extent(&layers[b])))
        .unwrap_or(0);
    for layer in &layers[widest + 1..] {
        align(layer, up, breadth, sep, &mut x);
    }
    for layer in layers[..widest].iter().rev() {
        align(layer, down, breadth, sep, &mut x);
    }
    x
}

/// Place one layer at the mean of its neighbours in `nbrs` (one adjacent layer), spaced.
fn align(layer: &[usize], nbrs: &[Vec<usize>], breadth: &[f64], sep: f64, x: &mut [f64]) {
    let desired: Vec<f64> = layer
        .iter()
        .map(|&v| {
            if nbrs[v].is_empty() {
                x[v]
            } else {
                nbrs[v].iter().map(|&w| x[w]).sum::<f64>() / nbrs[v].len() as f64
            }
        })
        .collect();
    let gaps: Vec<f64> = layer
        .windows(2)
        .map(|w| (breadth[w[0]] + breadth[w[1]]) / 2.0 + sep)
        .collect();
    for (v, p) in layer.iter().zip(spaced(&desired, &gaps)) {
        x[*v] = p;
    }
}

/// Closest positions (least squares) to `desired` with `x[i+1] - x[i] >= gaps[i]`.
pub fn spaced(desired: &[f64], gaps: &[f64]) -> Vec<f64> {
    let mut offset = Vec::with_capacity(desired.len());
    let mut acc = 0.0;
    for i in 0..desired.len() {
        if i > 0 {
            acc += gaps[i - 1];
        }
        offset.push(acc);
    }
    // Pool adjacent violators on t = desired - offset (non-decreasing fit).
    let mut blocks: Vec<(f64, usize)> = Vec::new(); // (sum, count)
    for (d, o) in desired.iter().zip(&offset) {
        blocks.push((d - o, 1));
        while blocks.len() > 1 {
            let (s2, c2) = blocks[blocks.len() - 1];
            let (s1, c1) = blocks[blocks.len() - 2];
            if s1 / c1 as f64 > s2 / c2 as f64 {
                blocks.pop();
                let last = blocks.len() - 1;
                blocks[last] = (s1 + s2, c1 + c2);
            } else {
                break;
            }
        }
    }
    let mut out = Vec::with_capacity(desired.len());
    for (s, c) in blocks {
        for _ in 0..c {
            out.push(s / c as f64);
        }
    }
    out.iter_mut().zip(&offset).for_each(|(y, o)| *y += o);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spacing_keeps_order_and_gaps() {
        let x = spaced(&[0.0, 0.0, 0.0], &[10.0, 10.0]);
        assert_eq!(x, vec![-10.0, 0.0, 10.0]);
        let y = spaced(&[0.0, 100.0], &[10.0]);
        assert_eq!(y, vec![0.0, 100.0]);
    }

    #[test]
    fn a_child_centres_under_its_parents() {
        // layer 0: 0, 1; layer 1: 2 with parents 0 and 1.
        let layers = vec![vec![0, 1], vec![2]];
        let up = vec![vec![], vec![], vec![0, 1]];
        let down = vec![vec![2], vec![2], vec![]];
        let x = place(&layers, &up, &down, &[20.0, 20.0, 20.0], 10.0, 6);
        assert!((x[2] - (x[0] + x[1]) / 2.0).abs() < 1e-6);
        assert!(x[1] - x[0] >= 30.0 - 1e-9);
    }
}
