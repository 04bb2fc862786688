//! The `Bag` object: a list of partitions, each a `Delayed` producing a
//! dialect list. Methods add one task per partition (plus an aggregate task
//! for reductions), so `.compute()` runs partitions in parallel.

use super::parts;
use super::reduce;
use crate::delayed::Delayed;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::modules::dask_delayed::{
    compute_delayed, func_name, make_call, Action, DelayedObj,
};
use crate::lang::value::{Builtin, Object, Value};
use std::any::Any;

/// A lazy bag of Python objects, split into partitions.
#[derive(Clone)]
pub struct Bag {
    /// One lazy list per partition.
    pub parts: Vec<Delayed>,
    /// The name prefix of the last operation (shown in the repr).
    pub name: String,
}

/// The bag inside a dialect value, if any.
pub fn as_bag(v: &Value) -> Option<Bag> {
    match v {
        Value::Object(o) => o.as_any().downcast_ref::<Bag>().cloned(),
        _ => None,
    }
}

/// A task named `name` calling `op` on `args` (delayed values become inputs).
pub fn task(name: &str, op: Value, args: &[Value], kw: &[(arcstr::ArcStr, Value)]) -> Delayed {
    make_call(Action::Call(op), name, args, kw, true, None, None)
}

/// Dask's name for an operation applying `f`: `lambda` for lambdas.
pub fn fname(f: &Value) -> String {
    let n = func_name(f);
    if n == "<lambda>" {
        "lambda".into()
    } else {
        n
    }
}

impl Bag {
    /// Wrap as a dialect value.
    pub fn value(self) -> Value {
        Value::object(self)
    }

    fn part(&self, i: usize) -> Value {
        DelayedObj::value(self.parts[i].clone())
    }

    /// A new bag with `op(partition, *extra)` per partition.
    pub fn per_part(&self, name: &str, op: Value, extra: &[Value]) -> Bag {
        let parts = (0..self.parts.len())
            .map(|i| {
                let mut args = vec![self.part(i)];
                args.extend(extra.iter().cloned());
                task(name, op.clone(), &args, &[])
            })
            .collect();
        Bag {
            parts,
            name: name.to_string(),
        }
    }

    fn map(&self, mut a: Args, star: bool) -> PyResult<Value> {
        if a.pos.is_empty() {
            return Err(exc::type_error("map() missing required argument: 'func'"));
        }
        let f = a.pos.remove(0);
        let mut bags = vec![self.clone()];
        let mut extra = Vec::new();
        for v in a.pos {
            match as_bag(&v) {
                Some(b) => bags.push(b),
                None => extra.push(v),
            }
        }
        for b in &bags {
            if b.parts.len() != self.parts.len() {
                return Err(exc::value_error(
                    "map with multiple bags requires the same number of partitions",
                ));
            }
        }
        let op = parts::map_part(bags.len(), star);
        let name = if star {
            format!("starmap-{}", fname(&f))
        } else {
            fname(&f)
        };
        let kw = a.kw;
        let parts = (0..self.parts.len())
            .map(|i| {
                let mut args = vec![f.clone()];
                args.extend(bags.iter().map(|b| b.part(i)));
                args.extend(extra.iter().cloned());
                task(&name, op.clone(), &args, &kw)
            })
            .collect();
        Ok(Bag { parts, name }.value())
    }

    /// Compute every partition and concatenate.
    pub fn compute_list(&self, vm: &mut Vm, a: &mut Args) -> PyResult<Vec<Value>> {
        let sched = crate::lang::modules::dask_runtime::scheduler_from(vm, a)?;
        let vals = compute_delayed(vm, &self.parts, sched)?;
        parts::concat(vm, &vals)
    }

    fn take(&self, vm: &mut Vm, mut a: Args) -> PyResult<Value> {
        let k = match a.pos.first() {
            Some(Value::Int(k)) => *k,
            _ => return Err(exc::type_error("take() requires an integer k")),
        };
        let np = match a.take_kw("npartitions").or_else(|| a.pos.get(1).cloned()) {
            Some(Value::Int(-1)) => self.parts.len(),
            Some(Value::Int(n)) if n > 0 => n as usize,
            None => 1,
            Some(_) => return Err(exc::value_error("npartitions must be a positive int or -1")),
        };
        if np > self.parts.len() {
            return Err(exc::value_error(format!(
                "only {} partitions, take received {}",
                self.parts.len(),
                np
            )));
        }
        let compute = a
            .take_kw("compute")
            .and_then(|v| v.truthy_simple())
            .unwrap_or(true);
        let sched = crate::lang::modules::dask_runtime::scheduler_from(vm, &mut a)?;
        let vals = compute_delayed(vm, &self.parts[..np], sched)?;
        let all = parts::concat(vm, &vals)?;
        let got: Vec<Value> = all.into_iter().take(k.max(0) as usize).collect();
        if (got.len() as i64) < k {
            let s = if np == 1 { "" } else { "s" };
            vm.ctx.out.stream(
                crate::lang::output::StreamName::Stderr,
                &format!(
                    "UserWarning: Insufficient elements for `take`. {k} elements requested, only {} elements available. Try passing larger `npartitions` to `take`.\n",
                    got.len()
                ),
            );
            let _ = s;
        }
        if compute {
            Ok(Value::tuple(got))
        } else {
            Ok(Bag {
                parts: vec![crate::delayed::Delayed::literal(
                    "take",
                    crate::sched::datum(Value::list(got)),
                    &crate::delayed::KeyRule::Impure,
                )],
                name: "take".into(),
            }
            .value())
        }
    }
}

fn method(b: &Bag, name: &'static str, f: fn(&Bag, &mut Vm, Args) -> PyResult<Value>) -> Value {
    let b = b.clone();
    Builtin::value(name, "", "dask.bag method.", move |vm, a| f(&b, vm, a))
}

impl Object for Bag {
    fn type_name(&self) -> String {
        "Bag".into()
    }
    fn repr(&self) -> String {
        format!("dask.bag<{}, npartitions={}>", self.name, self.parts.len())
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "npartitions" => Value::Int(self.parts.len() as i64),
            "name" | "key" => Value::str(&format!("{}-bag", self.name)),
            "map" => method(self, "map", |b, _vm, a| b.map(a, false)),
            "starmap" => method(self, "starmap", |b, _vm, a| b.map(a, true)),
            "filter" => method(self, "filter", |b, _vm, a| {
                a.exact("filter", 1)?;
                let n = format!("filter-{}", fname(&a.pos[0]));
                let parts = (0..b.parts.len())
                    .map(|i| {
                        task(
                            &n,
                            parts::filter_part(),
                            &[a.pos[0].clone(), b.part(i)],
                            &[],
                        )
                    })
                    .collect();
                Ok(Bag { parts, name: n }.value())
            }),
            "map_partitions" => method(self, "map_partitions", |b, _vm, a| {
                if a.pos.is_empty() {
                    return Err(exc::type_error("map_partitions() missing 'func'"));
                }
                let f = a.pos[0].clone();
                let n = fname(&f);
                let parts = (0..b.parts.len())
                    .map(|i| {
                        let mut args = vec![f.clone(), b.part(i)];
                        args.extend(a.pos[1..].iter().cloned());
                        task(&n, parts::map_partitions_part(), &args, &a.kw)
                    })
                    .collect();
                Ok(Bag { parts, name: n }.value())
            }),
            "pluck" => method(self, "pluck", |b, _vm, a| {
                a.exact("pluck", 1)?;
                Ok(b.per_part("pluck", parts::pluck_part(), &a.pos).value())
            }),
            "flatten" => method(self, "flatten", |b, _vm, _a| {
                Ok(b.per_part("flatten", parts::flatten_part(), &[]).value())
            }),
            "compute" => method(self, "compute", |b, vm, mut a| {
                Ok(Value::list(b.compute_list(vm, &mut a)?))
            }),
            "persist" => method(self, "persist", |b, vm, mut a| {
                let sched = crate::lang::modules::dask_runtime::scheduler_from(vm, &mut a)?;
                let vals = compute_delayed(vm, &b.parts, sched)?;
                let parts = vals
                    .into_iter()
                    .zip(&b.parts)
                    .map(|(v, d)| {
                        Delayed::literal(
                            &b.name,
                            crate::sched::datum(v),
                            &crate::delayed::KeyRule::Named(d.key().name().to_string()),
                        )
                    })
                    .collect();
                Ok(Bag {
                    parts,
                    name: b.name.clone(),
                }
                .value())
            }),
            "to_delayed" => method(self, "to_delayed", |b, _vm, _a| {
                Ok(Value::list((0..b.parts.len()).map(|i| b.part(i)).collect()))
            }),
            "take" => method(self, "take", |b, vm, a| b.take(vm, a)),
            "foldby" => method(self, "foldby", super::groupby::foldby),
            "groupby" => method(self, "groupby", super::groupby::groupby),
            "visualize" => {
                let me = self.clone().value();
                Builtin::value(
                    "visualize",
                    "visualize(filename=None, rankdir='BT', ...)",
                    "Draw the bag's task graph.",
                    move |vm, mut a| {
                        a.pos.insert(0, me.clone());
                        crate::lang::modules::dask_runtime::toplevel::visualize(vm, a)
                    },
                )
            }
            "dask" => crate::lang::modules::dask_delayed::graph_dict(&self.parts),
            _ => return reduce::getattr(self, name),
        }))
    }
    fn iter(&self, vm: &mut Vm) -> Option<PyResult<Vec<Value>>> {
        Some(self.compute_list(
            vm,
            &mut Args {
                pos: vec![],
                kw: vec![],
            },
        ))
    }
    fn truthiness(&self) -> Option<PyResult<bool>> {
        Some(Ok(true))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Bag {
    /// A partition as a dialect value (for reductions).
    pub fn part_value(&self, i: usize) -> Value {
        self.part(i)
    }
}
