//! Lowering: lazy array expressions → keyed per-block tasks. Runs only when an
//! array is computed or drawn; every node is lowered once even when shared.

use super::error::ArrayError;
use super::fused::{self, Fused};
use super::meta::Meta;
use super::node::{Array, AxisIndex, Op, Reduction};
use super::part_read;
use super::reduce_tasks::{as_partial, CombineTask, PartialLayer, PartialTask, SLAB_ELEMS};
use super::slicing::axis_plan;
use super::stream;
use crate::chunk::blocks::{self, Sel};
use crate::chunk::{self, Chunk};
use crate::graph::key::BlockIndex;
use crate::graph::{Input, Key, Task, TaskGraph};
use crate::sched::{datum, task_fn, CancelToken, Datum, TaskError, TaskFn};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The block of a datum (every array task yields a `Chunk`).
pub fn as_chunk(d: &Datum) -> Result<&Chunk, TaskError> {
    d.downcast_ref::<Chunk>()
        .ok_or_else(|| "internal error: expected an array block".into())
}

/// Keys of every block of `a`, in C order.
pub fn block_keys(a: &Array) -> Vec<Key> {
    a.meta()
        .block_indices()
        .iter()
        .map(|idx| Key::block(a.name(), idx))
        .collect()
}

/// The task graph computing all blocks of `outputs` (and whatever they need).
pub fn lower(outputs: &[Array]) -> Result<TaskGraph, ArrayError> {
    lower_with(outputs, true)
}

/// The graph as written, one task per block of every operation (no streamed
/// reductions): what `visualize()` draws, like Dask's unoptimised graph.
pub fn lower_plain(outputs: &[Array]) -> Result<TaskGraph, ArrayError> {
    lower_with(outputs, false)
}

fn lower_with(outputs: &[Array], streaming: bool) -> Result<TaskGraph, ArrayError> {
    let order = post_order(outputs);
    // A reduction fuses the expression private to it (sources, elementwise
    // kernels, slices, small inner reductions) and evaluates it tile by tile;
    // the fused nodes' own tasks are then not emitted at all. Consumers come
    // first, so an inner reduction joins its consumer's fused expression.
    let uses = stream::use_counts(outputs, &order);
    let mut streams: HashMap<Arc<str>, Arc<Fused>> = HashMap::new();
    let mut absorbed: HashSet<Arc<str>> = HashSet::new();
    for a in order.iter().rev().filter(|_| streaming) {
        if absorbed.contains(a.name()) {
            continue;
        }
        if let Op::Reduce(r) = a.op() {
            if let Some(f) = fused::plan(&r.input, &uses) {
                absorbed.extend(f.absorbed.iter().cloned());
                streams.insert(a.name().clone(), Arc::new(f));
            }
        }
    }
    // Sized up front: growing a 10⁵-task table rehashes and moves every task several times.
    let capacity: usize = order
        .iter()
        .filter(|a| !absorbed.contains(a.name()))
        .map(|a| match a.op() {
            Op::Reduce(r) => {
                reduction_tasks(r.input.meta().nblocks(), r.split_every, a.meta().nblocks())
            }
            _ => a.meta().nblocks(),
        })
        .sum();
    let mut g = TaskGraph::with_capacity(capacity);
    for a in &order {
        if !absorbed.contains(a.name()) {
            emit(a, streams.get(a.name()), streaming, &mut g)?;
        }
    }
    Ok(g)
}

/// An upper bound on the tasks of a tree reduction of `n` blocks into `out`
/// output blocks with fan-in `split`: the partials, at most `n / (split - 1)`
/// combines plus one rounding per level and group, and the aggregates. An
/// underestimate would make the task table double (and copy) at its largest.
fn reduction_tasks(n: usize, split: usize, out: usize) -> usize {
    let split = split.max(2);
    let levels = (usize::BITS - n.leading_zeros()) as usize / split.ilog2() as usize + 1;
    n + n.div_ceil(split - 1) + out * (levels + 1)
}

/// Every node reachable from `outputs`, inputs before their consumers, once each.
fn post_order(outputs: &[Array]) -> Vec<Array> {
    let mut order = Vec::new();
    let mut done: HashSet<Arc<str>> = HashSet::new();
    let mut stack: Vec<(Array, bool)> = outputs.iter().map(|a| (a.clone(), false)).collect();
    while let Some((a, expanded)) = stack.pop() {
        if done.contains(a.name()) {
            continue;
        }
        if !expanded {
            stack.push((a.clone(), true));
            for i in a.inputs() {
                if !done.contains(i.name()) {
                    stack.push((i, false));
                }
            }
            continue;
        }
        done.insert(a.name().clone());
        order.push(a);
    }
    order
}

fn emit(
    a: &Array,
    stream: Option<&Arc<Fused>>,
    optimise: bool,
    g: &mut TaskGraph,
) -> Result<(), ArrayError> {
    let meta = a.meta();
    let bytes = meta.max_block_bytes();
    match a.op() {
        Op::Source(src) => {
            for idx in meta.block_indices() {
                let (src, arr, i) = (src.clone(), a.clone(), idx.clone());
                let op = task_fn(move |_| Ok(datum(src.block(arr.meta(), &i)?)));
                g.insert(
                    Key::block(a.name(), &idx),
                    Task::new(src_name(a), op, Vec::new()).with_bytes(bytes),
                );
            }
        }
        Op::Blocks(values) => {
            for (idx, v) in meta.block_indices().into_iter().zip(values.iter()) {
                g.insert(Key::block(a.name(), &idx), Task::literal(v.clone()));
            }
        }
        Op::Map { kernel, inputs } => {
            let k = kernel.clone();
            let op = task_fn(move |ins: &[Datum]| {
                let chunks: Vec<&Chunk> = ins.iter().map(as_chunk).collect::<Result<_, _>>()?;
                Ok(datum(k.run(&chunks)?))
            });
            let name: Arc<str> = Arc::from(kernel.name());
            for idx in meta.block_indices() {
                let keys = inputs
                    .iter()
                    .map(|inp| {
                        Input::Key(Key::block(inp.name(), &broadcast_index(&idx, inp.meta())))
                    })
                    .collect();
                g.insert(
                    Key::block(a.name(), &idx),
                    Task::new(name.clone(), op.clone(), keys).with_bytes(bytes),
                );
            }
        }
        Op::Plan { plan, inputs } => {
            let name: Arc<str> = Arc::from(plan.name());
            for idx in meta.block_indices() {
                let keys: Vec<Key> = plan
                    .reads(&idx)
                    .into_iter()
                    .map(|(i, b)| Key::block(inputs[i].name(), &b))
                    .collect();
                let (p, at) = (plan.clone(), idx.clone());
                let op = match plan.pass_through(&idx) {
                    // The same block, shared: no copy.
                    Some(k) => task_fn(move |ins: &[Datum]| Ok(ins[k].clone())),
                    None => task_fn(move |ins: &[Datum]| {
                        let chunks: Vec<&Chunk> =
                            ins.iter().map(as_chunk).collect::<Result<_, _>>()?;
                        Ok(datum(p.run(&at, &chunks)?))
                    }),
                };
                g.insert(
                    Key::block(a.name(), &idx),
                    Task::from_keys(name.clone(), op, &keys).with_bytes(bytes),
                );
            }
        }
        Op::Reduce(r) => emit_reduction(a, r, stream, g),
        Op::Slice { input, index } => emit_slice(a, input, index, optimise, g),
        Op::Transpose { input, perm } => {
            let p = perm.clone();
            let op =
                task_fn(move |ins: &[Datum]| Ok(datum(blocks::permute(as_chunk(&ins[0])?, &p)?)));
            for idx in meta.block_indices() {
                let mut in_idx = vec![0u32; idx.len()];
                for (i, &p) in perm.iter().enumerate() {
                    in_idx[p] = idx[i];
                }
                g.insert(
                    Key::block(a.name(), &idx),
                    Task::from_keys(
                        "transpose",
                        op.clone(),
                        &[Key::block(input.name(), &in_idx)],
                    )
                    .with_bytes(bytes),
                );
            }
        }
        Op::Rechunk { input } => emit_rechunk(a, input, g),
    }
    Ok(())
}

fn src_name(a: &Array) -> Arc<str> {
    match a.op() {
        Op::Source(s) => Arc::from(s.name()),
        _ => Arc::from("source"),
    }
}

/// The block of `input` that output block `idx` reads (right-aligned broadcasting).
fn broadcast_index(idx: &[u32], input: &Meta) -> Vec<u32> {
    let off = idx.len() - input.ndim();
    (0..input.ndim())
        .map(|j| {
            if input.chunks[j].len() == 1 {
                0
            } else {
                idx[off + j]
            }
        })
        .collect()
}

/// [`blocks::copy_region`] in slabs along the first axis, polling the
/// interrupt flag between them: one rechunk piece can be hundreds of MB.
fn copy_in_slabs(
    out: &mut Chunk,
    at: &[usize],
    src: &Chunk,
    off: &[usize],
    shape: &[usize],
) -> Result<(), TaskError> {
    let row: usize = shape.iter().skip(1).product::<usize>().max(1);
    let rows = (SLAB_ELEMS / row).max(1);
    if shape.is_empty() || shape[0] <= rows {
        blocks::copy_region(out, at, src, off, shape)?;
        return Ok(());
    }
    let (mut at, mut off, mut part) = (at.to_vec(), off.to_vec(), shape.to_vec());
    let mut r0 = 0;
    while r0 < shape[0] {
        part[0] = rows.min(shape[0] - r0);
        blocks::copy_region(out, &at, src, &off, &part)?;
        r0 += part[0];
        at[0] += part[0];
        off[0] += part[0];
        if CancelToken::current_cancelled() {
            return Err("interrupted".into());
        }
    }
    Ok(())
}

fn emit_reduction(a: &Array, r: &Reduction, stream: Option<&Arc<Fused>>, g: &mut TaskGraph) {
    let im = r.input.meta();
    let base = a.name().to_string();
    let partial_name: Arc<str> = Arc::from(format!("{base}-partial"));
    let op = r.op;
    let layer = Arc::new(PartialLayer::new(&r.input, op, &r.axes, stream));
    let combine_fn: Arc<dyn TaskFn> = Arc::new(CombineTask);
    let (ddof, keepdims) = (r.ddof, r.keepdims);
    let final_fn = task_fn(move |ins: &[Datum]| {
        let p = as_partial(&ins[0])?.clone();
        Ok(datum(chunk::finalize(p, ddof, keepdims)?))
    });
    // Group input blocks by output position (the non-reduced block indices).
    // Consecutive blocks usually share a group (always, for a full reduction),
    // so the last group is checked before the index map.
    let mut groups: Vec<(Vec<u32>, Vec<Key>)> = Vec::new();
    let mut group_of: HashMap<Vec<u32>, usize> = HashMap::new();
    let mut last_group = usize::MAX;
    let mut out_pos: Vec<u32> = Vec::new();
    let numblocks = im.numblocks();
    let per_group: usize = r.axes.iter().map(|&ax| numblocks[ax]).product();
    let label: Arc<str> = match stream {
        Some(s) => Arc::from(format!(
            "{}-{}-partial",
            s.label,
            super::reduction::op_name(op)
        )),
        None => Arc::from(format!("{}-partial", super::reduction::op_name(op))),
    };
    im.for_each_block_index(|idx| {
        let pkey = Key::block(&partial_name, idx);
        let inputs: Vec<Input> = match stream {
            Some(s) => (0..s.leaves.len())
                .map(|k| Input::Key(Key::block(s.leaves[k].name(), &s.leaf_block(k, idx))))
                .collect(),
            None => vec![Input::Key(Key::block(r.input.name(), idx))],
        };
        let task = PartialTask {
            layer: layer.clone(),
            idx: BlockIndex::from_slice(idx),
        };
        g.insert(
            pkey.clone(),
            Task::new(label.clone(), Arc::new(task), inputs),
        );
        out_pos.clear();
        out_pos.extend((0..idx.len()).filter_map(|ax| {
            if r.axes.contains(&ax) {
                keepdims.then_some(0)
            } else {
                Some(idx[ax])
            }
        }));
        if groups.get(last_group).is_none_or(|g| g.0 != out_pos) {
            last_group = *group_of.entry(out_pos.clone()).or_insert_with(|| {
                groups.push((out_pos.clone(), Vec::with_capacity(per_group)));
                groups.len() - 1
            });
        }
        groups[last_group].1.push(pkey);
    });
    // Output positions in order, as the combine layers have always been emitted.
    groups.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let combine_label: Arc<str> = Arc::from(format!("{}-combine", super::reduction::op_name(op)));
    for (pos, mut level) in groups {
        let mut depth = 0;
        while level.len() > 1 {
            let name: Arc<str> = Arc::from(format!("{base}-combine{depth}"));
            level = level
                .chunks(r.split_every)
                .enumerate()
                .map(|(gi, keys)| {
                    let mut kidx = pos.clone();
                    kidx.push(gi as u32);
                    let key = Key::block(&name, &kidx);
                    g.insert(
                        key.clone(),
                        Task::from_keys(combine_label.clone(), combine_fn.clone(), keys),
                    );
                    key
                })
                .collect();
            depth += 1;
        }
        g.insert(
            Key::block(a.name(), &pos),
            Task::from_keys(
                format!("{}-aggregate", super::reduction::op_name(op)),
                final_fn.clone(),
                &level,
            ),
        );
    }
}

fn emit_slice(a: &Array, input: &Array, index: &[AxisIndex], optimise: bool, g: &mut TaskGraph) {
    let im = input.meta();
    // Small selections of sources (and elementwise chains over them) read
    // only the selected box, not the input block.
    let part = optimise
        .then(|| part_read::plan(input))
        .flatten()
        .map(Arc::new);
    // Per output axis: for each output block, (input block, local selection); None for new axes.
    let mut per_axis: Vec<Vec<(Option<u32>, Sel)>> = Vec::new();
    let mut fixed: Vec<(usize, u32, Sel)> = Vec::new(); // integer-indexed input axes
    let mut in_ax = 0;
    let mut order: Vec<Option<usize>> = Vec::new(); // output axis → input axis (None: new axis)
    for it in index {
        match *it {
            AxisIndex::At(j) => {
                let (b, local) = locate(&im.chunks[in_ax], j);
                fixed.push((in_ax, b as u32, Sel::At(local)));
                in_ax += 1;
            }
            AxisIndex::Range { start, step, len } => {
                let plan = axis_plan(&im.chunks[in_ax], start, step, len);
                let v: Vec<(Option<u32>, Sel)> = if plan.is_empty() {
                    vec![(
                        Some(0),
                        Sel::Range {
                            start: 0,
                            step: 1,
                            len: 0,
                        },
                    )]
                } else {
                    plan.into_iter()
                        .map(|(b, lo, n)| {
                            (
                                Some(b as u32),
                                Sel::Range {
                                    start: lo,
                                    step,
                                    len: n,
                                },
                            )
                        })
                        .collect()
                };
                per_axis.push(v);
                order.push(Some(in_ax));
                in_ax += 1;
            }
            AxisIndex::All => {
                let n = im.chunks[in_ax].len() as u32;
                per_axis.push((0..n).map(|b| (Some(b), Sel::All)).collect());
                order.push(Some(in_ax));
                in_ax += 1;
            }
            AxisIndex::NewAxis => {
                per_axis.push(vec![(None, Sel::NewAxis)]);
                order.push(None);
            }
        }
    }
    let bytes = a.meta().max_block_bytes();
    let op_name: Arc<str> = Arc::from("getitem");
    for idx in a.meta().block_indices() {
        let mut in_idx = vec![0u32; im.ndim()];
        let mut sels_by_in: Vec<Option<Sel>> = vec![None; im.ndim()];
        let mut out_sels: Vec<Sel> = Vec::new();
        for (oax, &i) in idx.iter().enumerate() {
            let (b, sel) = per_axis[oax][i as usize];
            if let Some(iax) = order[oax] {
                in_idx[iax] = b.unwrap_or(0);
                sels_by_in[iax] = Some(sel);
            }
        }
        for &(iax, b, sel) in &fixed {
            in_idx[iax] = b;
            sels_by_in[iax] = Some(sel);
        }
        // The selection in the index's own order.
        let mut in_ax = 0;
        for it in index {
            if let AxisIndex::NewAxis = it {
                out_sels.push(Sel::NewAxis);
            } else {
                out_sels.push(sels_by_in[in_ax].expect("every input axis is selected"));
                in_ax += 1;
            }
        }
        let sels = out_sels;
        if let Some(read) = part.as_ref().and_then(|p| {
            part_read::select_task(
                p,
                &im.block_offset(&in_idx),
                &im.block_shape(&in_idx),
                &sels,
            )
        }) {
            g.insert(
                Key::block(a.name(), &idx),
                Task::new(
                    op_name.clone(),
                    task_fn(move |_| Ok(datum(read()?))),
                    Vec::new(),
                )
                .with_bytes(bytes),
            );
            continue;
        }
        let op =
            task_fn(move |ins: &[Datum]| Ok(datum(blocks::select(as_chunk(&ins[0])?, &sels)?)));
        g.insert(
            Key::block(a.name(), &idx),
            Task::from_keys(op_name.clone(), op, &[Key::block(input.name(), &in_idx)])
                .with_bytes(bytes),
        );
    }
}

/// The block holding element `j` of an axis, and `j`'s index inside it.
fn locate(chunks: &[usize], j: usize) -> (usize, usize) {
    let mut off = 0;
    for (b, &c) in chunks.iter().enumerate() {
        if j < off + c {
            return (b, j - off);
        }
        off += c;
    }
    (chunks.len() - 1, j - (off - chunks[chunks.len() - 1]))
}

/// Overlaps of output blocks with input blocks along one axis:
/// for each output block, `(input block, start inside it, length)`.
fn overlaps(inp: &[usize], out: &[usize]) -> Vec<Vec<(usize, usize, usize)>> {
    let mut res = Vec::with_capacity(out.len());
    let (mut b, mut b_off) = (0usize, 0usize);
    let mut pos = 0usize;
    for &len in out {
        let end = pos + len;
        let mut parts = Vec::new();
        let mut p = pos;
        while p < end {
            while b < inp.len() && b_off + inp[b] <= p {
                b_off += inp[b];
                b += 1;
            }
            let take = (b_off + inp[b]).min(end) - p;
            parts.push((b, p - b_off, take));
            p += take;
        }
        if parts.is_empty() {
            parts.push((b.min(inp.len() - 1), 0, 0));
        }
        res.push(parts);
        pos = end;
    }
    res
}

fn emit_rechunk(a: &Array, input: &Array, g: &mut TaskGraph) {
    let (im, om) = (input.meta(), a.meta());
    let per_axis: Vec<Vec<Vec<(usize, usize, usize)>>> = im
        .chunks
        .iter()
        .zip(&om.chunks)
        .map(|(i, o)| overlaps(i, o))
        .collect();
    let dtype = om.dtype;
    for idx in om.block_indices() {
        let lists: Vec<&Vec<(usize, usize, usize)>> = idx
            .iter()
            .enumerate()
            .map(|(ax, &i)| &per_axis[ax][i as usize])
            .collect();
        // Cartesian product in C order.
        let mut combos: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new()];
        for l in &lists {
            combos = combos
                .into_iter()
                .flat_map(|c| {
                    l.iter().map(move |&p| {
                        let mut c = c.clone();
                        c.push(p);
                        c
                    })
                })
                .collect();
        }
        let keys: Vec<Key> = combos
            .iter()
            .map(|c| {
                Key::block(
                    input.name(),
                    &c.iter().map(|p| p.0 as u32).collect::<Vec<_>>(),
                )
            })
            .collect();
        let pieces: Vec<(Vec<usize>, Vec<usize>)> = combos
            .iter()
            .map(|c| {
                (
                    c.iter().map(|p| p.1).collect(),
                    c.iter().map(|p| p.2).collect(),
                )
            })
            .collect();
        // Where each piece lands in the output block (C order over the grid).
        let out_shape: Vec<usize> = lists.iter().map(|l| l.iter().map(|p| p.2).sum()).collect();
        let dest: Vec<Vec<usize>> = combos
            .iter()
            .map(|c| {
                c.iter()
                    .enumerate()
                    .map(|(ax, p)| {
                        lists[ax]
                            .iter()
                            .take_while(|q| q.0 != p.0)
                            .map(|q| q.2)
                            .sum()
                    })
                    .collect()
            })
            .collect();
        let op = task_fn(move |ins: &[Datum]| {
            let mut out = Chunk::zeros(&out_shape, dtype)?;
            for ((d, (off, shape)), at) in ins.iter().zip(&pieces).zip(&dest) {
                // A big block is many pieces, a piece many slabs: stop
                // between them on interrupt.
                copy_in_slabs(&mut out, at, as_chunk(d)?, off, shape)?;
                if CancelToken::current_cancelled() {
                    return Err("interrupted".into());
                }
            }
            Ok(datum(out))
        });
        g.insert(
            Key::block(a.name(), &idx),
            Task::from_keys("rechunk-merge", op, &keys).with_bytes(om.max_block_bytes()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::overlaps;

    #[test]
    fn task_tables_are_sized_for_every_reduction_task() {
        use crate::array::chunks::ChunkSpec;
        use crate::array::{creation, reduction};
        use crate::chunk::{DType, ReduceOp, Scalar};
        for n in [1, 2, 5, 17, 100, 1000, 4097, 20000] {
            let x = creation::full(
                "ones",
                &[n, 3],
                Scalar::F64(1.0),
                DType::Float64,
                &ChunkSpec::Uniform(1),
            )
            .unwrap();
            for split in [2, 3, 4, 8, 32] {
                for (axes, out) in [(None, 1), (Some(&[0isize][..]), 3)] {
                    let r =
                        reduction::reduce(&x, ReduceOp::Sum, axes, false, 0, Some(split)).unwrap();
                    let g = super::lower(std::slice::from_ref(&r)).unwrap();
                    let own = g
                        .nodes()
                        .iter()
                        .filter(|t| t.key.name() != &**x.name())
                        .count();
                    let bound = super::reduction_tasks(3 * n, split, out);
                    assert!(own >= 3 * n, "one partial per block");
                    assert!(
                        own <= bound,
                        "n={n} split={split} out={out}: {own} tasks, bound {bound}"
                    );
                }
            }
        }
    }

    #[test]
    fn overlap_plans() {
        assert_eq!(
            overlaps(&[4, 4, 2], &[5, 5]),
            vec![vec![(0, 0, 4), (1, 0, 1)], vec![(1, 1, 3), (2, 0, 2)]]
        );
        assert_eq!(
            overlaps(&[10], &[3, 7]),
            vec![vec![(0, 0, 3)], vec![(0, 3, 7)]]
        );
    }
}
