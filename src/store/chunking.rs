//! The chunk shape zarr-python picks when none is given (`chunks=None`/`True`):
//! the h5py heuristic zarr inherited. The target chunk grows with the array
//! (256 KiB per MiB decade, kept within 128 KiB–64 MiB) and axes are halved in
//! turn until a chunk is near that target.

const BASE: f64 = 256.0 * 1024.0;
const MIN: f64 = 128.0 * 1024.0;
const MAX: f64 = 64.0 * 1024.0 * 1024.0;

/// zarr-python's default chunk shape for `shape` with `itemsize`-byte elements.
pub fn guess_chunks(shape: &[usize], itemsize: usize) -> Vec<usize> {
    if shape.is_empty() {
        return Vec::new();
    }
    let mut chunks: Vec<f64> = shape.iter().map(|&n| n.max(1) as f64).collect();
    let bytes = |c: &[f64]| c.iter().product::<f64>() * itemsize as f64;
    let target = (BASE * 2f64.powf((bytes(&chunks) / (1024.0 * 1024.0)).log10())).clamp(MIN, MAX);
    let mut axis = 0;
    loop {
        let now = bytes(&chunks);
        let near = (now - target).abs() / target < 0.5;
        if (now < target || near) && now < MAX {
            break;
        }
        if chunks.iter().product::<f64>() <= 1.0 {
            break;
        }
        let ax = axis % chunks.len();
        chunks[ax] = (chunks[ax] / 2.0).ceil();
        axis += 1;
    }
    chunks.into_iter().map(|c| c as usize).collect()
}

#[cfg(test)]
mod tests {
    use super::guess_chunks;

    #[test]
    fn matches_zarr_python_defaults() {
        // Values zarr-python 3 gives for `zarr.create_array(shape=..., dtype=...)` with chunks="auto".
        assert_eq!(guess_chunks(&[10000, 10000], 4), vec![625, 625]);
        assert_eq!(guess_chunks(&[20000, 20000], 8), vec![625, 625]);
        assert_eq!(guess_chunks(&[500, 500, 500], 8), vec![63, 63, 63]);
        assert_eq!(guess_chunks(&[100], 8), vec![100]);
        assert_eq!(guess_chunks(&[0, 5], 8), vec![1, 5]);
        assert!(guess_chunks(&[], 8).is_empty());
    }
}
