//! `np.einsum` / `da.einsum(subscripts, *operands)`: lazy when any operand is
//! lazy (or when called as `da.einsum`), eager otherwise. Parsing and the
//! arithmetic live in `chunk::einsum*` and `array::einsum`.

use super::joins::{eager_out, group, lazy_out, Group};
use crate::array;
use crate::chunk::{self, Chunk};
use crate::lang::builtins::to_int;
use crate::lang::eval::Args;
use crate::lang::exc::{self, PyResult};
use crate::lang::value::{Module, Value};

fn einsum(mut a: Args, lazy: bool) -> PyResult<Value> {
    // NumPy's own keywords: `optimize` changes only the evaluation order.
    let _ = a.take_kw("optimize");
    let split_every = match a.take_kw("split_every") {
        Some(v) if lazy && !matches!(v, Value::None) => {
            Some(to_int(&v, "split_every")?.max(2) as usize)
        }
        Some(v) if lazy || matches!(v, Value::None) => None,
        Some(_) => {
            return Err(exc::type_error(
                "einsum() got an unexpected keyword argument 'split_every'",
            ))
        }
        None => None,
    };
    for k in ["dtype", "out", "order", "casting"] {
        if let Some(v) = a.take_kw(k) {
            if !matches!(v, Value::None) {
                return Err(exc::new(
                    "NotImplementedError",
                    format!("einsum({k}=...) is not supported by Tessera yet; cast the operands or the result instead"),
                ));
            }
        }
    }
    if let Some((k, _)) = a.kw.first() {
        return Err(exc::type_error(format!(
            "einsum() got an unexpected keyword argument '{k}'"
        )));
    }
    let subscripts = match a.pos.first() {
        None => {
            return Err(exc::value_error(
                "must specify the einstein sum subscripts string and at least one operand, or at least one operand and its corresponding subscripts list",
            ))
        }
        Some(Value::Str(s)) => s.to_string(),
        Some(_) => {
            return Err(exc::new(
                "NotImplementedError",
                "einsum(operand, sublist, ...) with subscript lists is not supported by Tessera yet; pass a subscripts string such as 'ij,jk->ik'",
            ))
        }
    };
    let values = &a.pos[1..];
    if values.is_empty() {
        return Err(exc::value_error(
            "must specify the einstein sum subscripts string and at least one operand",
        ));
    }
    match group(values, lazy)? {
        Group::Lazy(v) => lazy_out(array::einsum::einsum(&subscripts, &v, split_every)),
        Group::Eager(v) => {
            let refs: Vec<&Chunk> = v.iter().map(|c| &**c).collect();
            eager_out(chunk::einsum_exec::einsum(&subscripts, &refs))
        }
    }
}

/// Add `einsum` to `np` (`lazy` false) or `da` (`lazy` true).
pub fn add(m: &Module, lazy: bool) {
    m.func(
        "einsum",
        "einsum(subscripts, *operands, optimize=False)",
        "Einstein summation: 'ij,jk->ik' (matrix product), 'ii->' (trace), 'ij->ji', 'i,j->ij', ...",
        move |_vm, a| einsum(a, lazy),
    );
}
