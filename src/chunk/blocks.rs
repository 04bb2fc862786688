//! Moving blocks around: basic selection inside a block, sub-blocks, stitching a
//! grid of blocks into one array, and axis permutation. The lazy-array layer
//! lowers slicing, rechunking, transposes and `compute()` onto these.

use super::error::{ChunkError, Result};
use super::kernel::check_alloc;
use super::{Chunk, DType};
use ndarray::{ArrayD, IxDyn, Slice, SliceInfo, SliceInfoElem};

/// One entry of a basic selection inside a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sel {
    /// Keep only this index; the axis disappears.
    At(usize),
    /// `len` elements `start, start+step, …` (`step` may be negative).
    Range {
        /// First element.
        start: usize,
        /// Step, non-zero.
        step: isize,
        /// How many elements.
        len: usize,
    },
    /// Insert an axis of length 1.
    NewAxis,
    /// The whole axis, whatever its length (an axis of unknown size after a mask).
    All,
}

/// The `ndarray` slice element for one selection entry.
pub(crate) fn sel_elem(s: &Sel) -> SliceInfoElem {
    match *s {
        Sel::At(i) => SliceInfoElem::Index(i as isize),
        Sel::NewAxis => SliceInfoElem::NewAxis,
        Sel::All => SliceInfoElem::Slice {
            start: 0,
            end: None,
            step: 1,
        },
        Sel::Range { len: 0, .. } => SliceInfoElem::Slice {
            start: 0,
            end: Some(0),
            step: 1,
        },
        Sel::Range { start, step, len } if step > 0 => SliceInfoElem::Slice {
            start: start as isize,
            end: Some(start as isize + (len as isize - 1) * step + 1),
            step,
        },
        Sel::Range { start, step, len } => SliceInfoElem::Slice {
            start: start as isize + (len as isize - 1) * step,
            end: Some(start as isize + 1),
            step,
        },
    }
}

fn check_sel(shape: &[usize], sel: &[Sel]) -> Result<()> {
    let consumed = sel.iter().filter(|s| !matches!(s, Sel::NewAxis)).count();
    if consumed != shape.len() {
        return Err(ChunkError::Shape(format!(
            "selection of {consumed} axes on a {}-d block",
            shape.len()
        )));
    }
    let mut ax = 0;
    for s in sel {
        match *s {
            Sel::NewAxis => continue,
            Sel::At(i) if i >= shape[ax] => {
                return Err(ChunkError::Shape(format!(
                    "index {i} is out of bounds for axis {ax} with size {}",
                    shape[ax]
                )))
            }
            Sel::Range { start, step, len } if len > 0 => {
                let last = start as isize + (len as isize - 1) * step;
                if step == 0 || start >= shape[ax] || last < 0 || last as usize >= shape[ax] {
                    return Err(ChunkError::Shape(format!(
                        "slice out of bounds on axis {ax}"
                    )));
                }
            }
            _ => {}
        }
        ax += 1;
    }
    Ok(())
}

/// Basic selection of one block (a copy).
pub fn select(c: &Chunk, sel: &[Sel]) -> Result<Chunk> {
    check_sel(c.shape(), sel)?;
    let elems: Vec<SliceInfoElem> = sel.iter().map(sel_elem).collect();
    let info = SliceInfo::<Vec<SliceInfoElem>, IxDyn, IxDyn>::try_from(elems)
        .map_err(|e| ChunkError::Shape(e.to_string()))?;
    Ok(dispatch_chunk!(c, a => Chunk::from_array(a.slice(info.as_ref()).to_owned())))
}

/// The contiguous sub-block at `offset` with `shape`.
pub fn sub(c: &Chunk, offset: &[usize], shape: &[usize]) -> Result<Chunk> {
    let sel: Vec<Sel> = offset
        .iter()
        .zip(shape)
        .map(|(&start, &len)| Sel::Range {
            start,
            step: 1,
            len,
        })
        .collect();
    if shape.contains(&0) {
        return Chunk::zeros(shape, c.dtype());
    }
    select(c, &sel)
}

/// Stitch blocks (C order over `chunks`' grid) into one array of `dtype`.
pub fn assemble(blocks: &[&Chunk], chunks: &[Vec<usize>], dtype: DType) -> Result<Chunk> {
    let shape: Vec<usize> = chunks.iter().map(|c| c.iter().sum()).collect();
    let expected: usize = chunks.iter().map(Vec::len).product();
    if blocks.len() != expected {
        return Err(ChunkError::Shape(format!(
            "assemble: {} blocks for a grid of {expected}",
            blocks.len()
        )));
    }
    if blocks.len() == 1 && blocks[0].shape() == shape.as_slice() {
        return blocks[0].astype(dtype);
    }
    check_alloc(&shape, dtype)?;
    let mut out = Chunk::zeros(&shape, dtype)?;
    let nb: Vec<usize> = chunks.iter().map(Vec::len).collect();
    let mut idx = vec![0usize; nb.len()];
    for b in blocks {
        let offset: Vec<usize> = idx
            .iter()
            .zip(chunks)
            .map(|(&i, c)| c[..i].iter().sum())
            .collect();
        write_block(&mut out, b, &offset)?;
        for ax in (0..nb.len()).rev() {
            idx[ax] += 1;
            if idx[ax] < nb[ax] {
                break;
            }
            idx[ax] = 0;
        }
    }
    Ok(out)
}

/// Copy `block` into `out` at `offset` (casting to `out`'s dtype).
pub fn write_block(out: &mut Chunk, block: &Chunk, offset: &[usize]) -> Result<()> {
    let block = if block.dtype() == out.dtype() {
        std::borrow::Cow::Borrowed(block)
    } else {
        std::borrow::Cow::Owned(block.astype(out.dtype())?)
    };
    let elems: Vec<SliceInfoElem> = offset
        .iter()
        .zip(block.shape())
        .map(|(&o, &n)| SliceInfoElem::from(Slice::from(o as isize..(o + n) as isize)))
        .collect();
    let info = SliceInfo::<Vec<SliceInfoElem>, IxDyn, IxDyn>::try_from(elems)
        .map_err(|e| ChunkError::Shape(e.to_string()))?;
    macro_rules! put {
        ($($v:ident),*) => {
            match (out, block.as_ref()) {
                $((Chunk::$v(o), Chunk::$v(b)) => o.slice_mut(info.as_ref()).assign(b),)*
                _ => return Err(ChunkError::Shape("dtype mismatch in write_block".into())),
            }
        };
    }
    put!(Bool, I8, I16, I32, I64, U8, U16, U32, U64, F32, F64);
    Ok(())
}

/// Copy the region `src_offset`+`shape` of `src` into `out` at `dst_offset`,
/// without an intermediate array (casting to `out`'s dtype if they differ).
/// Rechunking builds each output block from pieces of its inputs this way.
pub fn copy_region(
    out: &mut Chunk,
    dst_offset: &[usize],
    src: &Chunk,
    src_offset: &[usize],
    shape: &[usize],
) -> Result<()> {
    if src.dtype() != out.dtype() {
        return write_block(out, &sub(src, src_offset, shape)?, dst_offset);
    }
    let info = |offset: &[usize]| {
        let elems: Vec<SliceInfoElem> = offset
            .iter()
            .zip(shape)
            .map(|(&o, &n)| SliceInfoElem::from(Slice::from(o as isize..(o + n) as isize)))
            .collect();
        SliceInfo::<Vec<SliceInfoElem>, IxDyn, IxDyn>::try_from(elems)
            .map_err(|e| ChunkError::Shape(e.to_string()))
    };
    let (di, si) = (info(dst_offset)?, info(src_offset)?);
    let fits = |c: &Chunk, off: &[usize]| {
        off.len() == c.ndim()
            && c.shape()
                .iter()
                .zip(off)
                .zip(shape)
                .all(|((&d, &o), &n)| o + n <= d)
    };
    if !fits(out, dst_offset) || !fits(src, src_offset) {
        return Err(ChunkError::Shape(
            "copy_region: region outside an array".into(),
        ));
    }
    macro_rules! put {
        ($($v:ident),*) => {
            match (out, src) {
                $((Chunk::$v(o), Chunk::$v(b)) => {
                    o.slice_mut(di.as_ref()).assign(&b.slice(si.as_ref()))
                })*
                _ => return Err(ChunkError::Shape("dtype mismatch in copy_region".into())),
            }
        };
    }
    put!(Bool, I8, I16, I32, I64, U8, U16, U32, U64, F32, F64);
    Ok(())
}

/// Permute axes: output axis `i` is input axis `perm[i]` (a copy in C order).
pub fn permute(c: &Chunk, perm: &[usize]) -> Result<Chunk> {
    if perm.len() != c.ndim() {
        return Err(ChunkError::Shape("axes don't match array".into()));
    }
    Ok(dispatch_chunk!(c, a => {
        let v = a.view().permuted_axes(IxDyn(perm));
        Chunk::from_array(v.as_standard_layout().into_owned())
    }))
}

/// The same elements with a new shape of equal size (adding or dropping
/// length-1 axes): no copy when the data is already in C order.
pub fn with_shape(c: Chunk, shape: &[usize]) -> Result<Chunk> {
    if shape.iter().product::<usize>() != c.size() {
        return Err(ChunkError::Shape(format!(
            "cannot reshape array of size {} into shape {shape:?}",
            c.size()
        )));
    }
    Ok(dispatch_chunk!(c, a => {
        let a = if a.is_standard_layout() { a } else { to_standard(&a) };
        Chunk::from_array(a.into_shape_with_order(IxDyn(shape)).expect("size checked, C order"))
    }))
}

/// An owned copy in standard layout (helper for kernels that need contiguity).
pub fn to_standard<T: Clone>(a: &ArrayD<T>) -> ArrayD<T> {
    a.as_standard_layout().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ar(n: usize, shape: &[usize]) -> Chunk {
        Chunk::from_vec((0..n as i64).collect::<Vec<_>>(), shape).unwrap()
    }

    #[test]
    fn copy_region_moves_a_window_and_refuses_out_of_bounds() {
        let src = ar(12, &[3, 4]);
        let mut out = Chunk::zeros(&[2, 3], DType::Int64).unwrap();
        copy_region(&mut out, &[0, 1], &src, &[1, 2], &[2, 2]).unwrap();
        assert_eq!(out.to_f64_vec(), vec![0.0, 6.0, 7.0, 0.0, 10.0, 11.0]);
        assert!(copy_region(&mut out, &[1, 2], &src, &[0, 0], &[2, 2]).is_err());
        assert!(copy_region(&mut out, &[0, 0], &src, &[2, 3], &[2, 2]).is_err());
        let mut f = Chunk::zeros(&[1, 2], DType::Float32).unwrap();
        copy_region(&mut f, &[0, 0], &src, &[2, 2], &[1, 2]).unwrap();
        assert_eq!(f.to_f64_vec(), vec![10.0, 11.0]);
    }

    #[test]
    fn select_with_steps_ints_and_new_axes() {
        let c = ar(12, &[3, 4]);
        let s = select(
            &c,
            &[
                Sel::At(1),
                Sel::Range {
                    start: 3,
                    step: -2,
                    len: 2,
                },
            ],
        )
        .unwrap();
        assert_eq!(s.to_f64_vec(), vec![7.0, 5.0]);
        let s = select(
            &c,
            &[
                Sel::NewAxis,
                Sel::Range {
                    start: 0,
                    step: 2,
                    len: 2,
                },
                Sel::At(0),
            ],
        )
        .unwrap();
        assert_eq!(s.shape(), &[1, 2]);
        assert_eq!(s.to_f64_vec(), vec![0.0, 8.0]);
        assert!(select(&c, &[Sel::At(3), Sel::At(0)]).is_err());
    }

    #[test]
    fn assemble_inverts_splitting() {
        let c = ar(20, &[4, 5]);
        let chunks = vec![vec![3, 1], vec![2, 3]];
        let mut blocks = Vec::new();
        for (i, oi) in [(3usize, 0usize), (1, 3)] {
            for (j, oj) in [(2usize, 0usize), (3, 2)] {
                blocks.push(sub(&c, &[oi, oj], &[i, j]).unwrap());
            }
        }
        let refs: Vec<&Chunk> = blocks.iter().collect();
        let whole = assemble(&refs, &chunks, c.dtype()).unwrap();
        assert_eq!(whole, c);
    }

    #[test]
    fn permute_transposes() {
        let c = ar(6, &[2, 3]);
        let t = permute(&c, &[1, 0]).unwrap();
        assert_eq!(t.shape(), &[3, 2]);
        assert_eq!(t.to_f64_vec(), vec![0.0, 3.0, 1.0, 4.0, 2.0, 5.0]);
    }
}
