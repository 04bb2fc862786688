//! Bag results must equal plain-Python results computed in the same cell.

use crate::lang::output::CapturedOutput;
use crate::lang::{ExecContext, Interpreter};
use crate::sched::CancelToken;
use std::sync::Arc;

fn run(src: &str) -> (String, String) {
    let out = Arc::new(CapturedOutput::new());
    let ctx = ExecContext {
        out: out.clone(),
        cancel: CancelToken::new(),
    };
    let mut it = Interpreter::new();
    let r = it.exec_cell(src, "Cell In[1]", &ctx);
    if let Err(e) = &r {
        panic!("{}: {}\n{}", e.ename, e.evalue, e.traceback.join("\n"));
    }
    (out.stdout(), format!("{:?}", out.take()))
}

#[test]
fn partition_sizes_follow_dask() {
    assert_eq!(super::default_partition_size(10), 1);
    assert_eq!(super::default_partition_size(1000), 4);
    assert_eq!(super::default_partition_size(100), 1);
}

#[test]
fn map_filter_reductions_match_python() {
    let (out, _) = run("import dask.bag as db\n\
         seq = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]\n\
         b = db.from_sequence(seq, npartitions=3)\n\
         f = lambda x: x * 2 + 1\n\
         assert b.map(f).compute() == list(map(f, seq))\n\
         assert b.filter(lambda x: x % 2).compute() == [x for x in seq if x % 2]\n\
         assert b.sum().compute() == sum(seq)\n\
         assert b.count().compute() == len(seq)\n\
         assert b.min().compute() == min(seq) and b.max().compute() == max(seq)\n\
         assert b.mean().compute() == sum(seq) / len(seq)\n\
         assert sorted(b.distinct().compute()) == sorted(set(seq))\n\
         assert b.topk(3).compute() == sorted(seq, reverse=True)[:3]\n\
         assert b.fold(lambda a, x: a + x, initial=0).compute() == sum(seq)\n\
         fr = dict(b.frequencies().compute())\n\
         assert fr == {k: seq.count(k) for k in set(seq)}\n\
         assert b.map(lambda x, y: x + y, b).compute() == [x + x for x in seq]\n\
         assert db.zip(b, b).compute() == list(zip(seq, seq))\n\
         print(b.npartitions, b.map(f), b.filter(f))\n");
    assert_eq!(
        out,
        "3 dask.bag<lambda, npartitions=3> dask.bag<filter-lambda, npartitions=3>\n"
    );
}

#[test]
fn take_warns_when_short() {
    let (out, events) = run("import dask.bag as db\nprint(db.from_sequence(range(10)).take(3))\n");
    assert_eq!(out, "(0,)\n");
    assert!(events.contains("Insufficient elements for `take`"));
}
