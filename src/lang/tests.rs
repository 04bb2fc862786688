//! Interpreter-level unit tests for tricky semantics.

use super::*;

fn run(src: &str) -> (String, Result<Option<Value>, PyException>) {
    let out = Arc::new(CapturedOutput::new());
    let ctx = ExecContext {
        out: out.clone(),
        cancel: CancelToken::new(),
    };
    let mut it = Interpreter::new();
    let r = it.exec_cell(src, "Cell In[1]", &ctx);
    (out.stdout(), r)
}

#[test]
fn prints_and_returns_last_expression() {
    let (out, r) = run("x = 1\nprint(x, 2, sep='-')\nx + 1");
    assert_eq!(out, "1-2\n");
    let v = r.expect("ok").expect("value");
    assert_eq!(repr::repr_simple(&v), "2");
}

#[test]
fn name_error_has_suggestion_and_traceback() {
    let (_, r) = run("undefined_nam = 1\nundefined_name");
    let e = r.expect_err("error");
    assert_eq!(e.ename, "NameError");
    assert_eq!(
        e.evalue,
        "name 'undefined_name' is not defined. Did you mean: 'undefined_nam'?"
    );
    assert!(e.traceback.iter().any(|l| l.contains("----> 2")));
}

#[test]
fn int_overflow_raises() {
    let (_, r) = run("x = 9223372036854775807\nx + 1");
    assert_eq!(r.expect_err("overflow").ename, "OverflowError");
}

#[test]
fn deep_recursion_is_recursion_error() {
    let (_, r) = run("def f(n):\n    return f(n + 1)\nf(0)");
    assert_eq!(r.expect_err("recursion").ename, "RecursionError");
}

#[test]
fn is_complete_cases() {
    let it = Interpreter::new();
    assert_eq!(
        it.is_complete("for i in range(3):"),
        IsComplete::Incomplete("    ".into())
    );
    assert_eq!(it.is_complete("x = (1,"), IsComplete::Incomplete("".into()));
    assert_eq!(it.is_complete("x = )"), IsComplete::Invalid);
    assert_eq!(it.is_complete("x = 1"), IsComplete::Complete);
}
