//! `operator` and `functools`.

use super::new_module;
use crate::lang::eval::Args;
use crate::lang::exc::{self, PyResult};
use crate::lang::ir::{BinOp, CmpOp};
use crate::lang::ops;
use crate::lang::value::{Builtin, Value};

pub(super) fn operator() -> Value {
    let m = new_module("operator", "Operator interface.");
    let bins = [
        ("add", BinOp::Add),
        ("sub", BinOp::Sub),
        ("mul", BinOp::Mul),
        ("truediv", BinOp::Div),
        ("floordiv", BinOp::FloorDiv),
        ("mod", BinOp::Mod),
        ("pow", BinOp::Pow),
        ("and_", BinOp::BitAnd),
        ("or_", BinOp::BitOr),
        ("xor", BinOp::BitXor),
        ("lshift", BinOp::LShift),
        ("rshift", BinOp::RShift),
        ("matmul", BinOp::MatMul),
    ];
    for (name, op) in bins {
        m.func(
            name,
            &format!("{name}(a, b, /)"),
            &format!("Same as a {} b.", op.symbol()),
            move |vm, a| {
                a.exact(name, 2)?;
                ops::binop(vm, op, &a.pos[0], &a.pos[1])
            },
        );
    }
    let cmps = [
        ("eq", CmpOp::Eq),
        ("ne", CmpOp::Ne),
        ("lt", CmpOp::Lt),
        ("le", CmpOp::Le),
        ("gt", CmpOp::Gt),
        ("ge", CmpOp::Ge),
    ];
    for (name, op) in cmps {
        m.func(
            name,
            &format!("{name}(a, b, /)"),
            "Rich comparison.",
            move |vm, a| {
                a.exact(name, 2)?;
                vm.compare(op, &a.pos[0], &a.pos[1])
            },
        );
    }
    m.func("neg", "neg(a, /)", "Same as -a.", |vm, a| {
        a.exact("neg", 1)?;
        ops::unary(vm, crate::lang::ir::UnOp::Neg, &a.pos[0])
    });
    m.func("not_", "not_(a, /)", "Same as not a.", |vm, a| {
        a.exact("not_", 1)?;
        Ok(Value::Bool(!vm.truthy(&a.pos[0])?))
    });
    m.func("getitem", "getitem(a, b, /)", "Same as a[b].", |vm, a| {
        a.exact("getitem", 2)?;
        ops::getitem(vm, &a.pos[0], &a.pos[1])
    });
    m.func(
        "itemgetter",
        "itemgetter(*items)",
        "Return a callable object that fetches the given item(s) from its operand.",
        |_vm, a| {
            let items = a.pos.clone();
            Ok(Builtin::value(
                "itemgetter",
                "(obj)",
                "Fetch items.",
                move |vm, b| {
                    let obj = b.pos.first().cloned().unwrap_or(Value::None);
                    if items.len() == 1 {
                        return ops::getitem(vm, &obj, &items[0]);
                    }
                    let mut out = Vec::new();
                    for k in &items {
                        out.push(ops::getitem(vm, &obj, k)?);
                    }
                    Ok(Value::tuple(out))
                },
            ))
        },
    );
    m.func(
        "attrgetter",
        "attrgetter(*attrs)",
        "Return a callable object that fetches the given attribute(s) from its operand.",
        |vm, a| {
            let names: Vec<String> = a.pos.iter().map(|v| vm.str(v)).collect::<PyResult<_>>()?;
            Ok(Builtin::value(
                "attrgetter",
                "(obj)",
                "Fetch attributes.",
                move |vm, b| {
                    let obj = b.pos.first().cloned().unwrap_or(Value::None);
                    let mut out = Vec::new();
                    for n in &names {
                        let mut v = obj.clone();
                        for part in n.split('.') {
                            v = vm.getattr(&v, part)?;
                        }
                        out.push(v);
                    }
                    Ok(if out.len() == 1 {
                        out.remove(0)
                    } else {
                        Value::tuple(out)
                    })
                },
            ))
        },
    );
    Value::Module(m)
}

pub(super) fn functools() -> Value {
    let m = new_module(
        "functools",
        "Tools for working with functions and callable objects.",
    );
    m.func(
        "reduce",
        "reduce(function, iterable[, initial])",
        "Apply a function of two arguments cumulatively to the items of an iterable.",
        |vm, a| {
            if a.pos.len() < 2 {
                return Err(exc::type_error(format!(
                    "reduce expected at least 2 arguments, got {}",
                    a.pos.len()
                )));
            }
            let items = vm.iterate(&a.pos[1])?;
            let mut it = items.into_iter();
            let mut acc = match a.pos.get(2) {
                Some(v) => v.clone(),
                None => it.next().ok_or_else(|| {
                    exc::type_error("reduce() of empty iterable with no initial value")
                })?,
            };
            for x in it {
                acc = vm.call_value(&a.pos[0], Args::pos(vec![acc, x]))?;
            }
            Ok(acc)
        },
    );
    m.func(
        "partial",
        "partial(func, /, *args, **keywords)",
        "New function with partial application of the given arguments and keywords.",
        |_vm, a| {
            let mut pos = a.pos.clone();
            if pos.is_empty() {
                return Err(exc::type_error(
                    "partial() missing required argument 'func'",
                ));
            }
            let f = pos.remove(0);
            let kw = a.kw.clone();
            Ok(Builtin::value(
                "partial",
                "(*args, **keywords)",
                "partial object",
                move |vm, b| {
                    let mut args = Args {
                        pos: pos.clone(),
                        kw: kw.clone(),
                    };
                    args.pos.extend(b.pos);
                    for (k, v) in b.kw {
                        args.kw.retain(|(x, _)| *x != k);
                        args.kw.push((k, v));
                    }
                    vm.call_value(&f, args)
                },
            ))
        },
    );
    m.func(
        "wraps",
        "wraps(wrapped)",
        "Decorator factory; returns the decorated function unchanged.",
        |_vm, _a| {
            Ok(Builtin::value("wraps", "(f)", "", |_vm, b| {
                Ok(b.pos.first().cloned().unwrap_or(Value::None))
            }))
        },
    );
    m.func(
        "lru_cache",
        "lru_cache(maxsize=128)",
        "Accepted for compatibility; returns the function unchanged.",
        |_vm, a| match a.pos.first() {
            Some(f @ Value::Func(_)) => Ok(f.clone()),
            _ => Ok(Builtin::value("lru_cache", "(f)", "", |_vm, b| {
                Ok(b.pos.first().cloned().unwrap_or(Value::None))
            })),
        },
    );
    Value::Module(m)
}
