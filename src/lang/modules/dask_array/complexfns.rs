//! NumPy's complex helpers for the dialect: `np.real`, `np.imag`,
//! `np.conj`/`np.conjugate`, `np.angle`, `np.iscomplexobj`, `np.isrealobj`.
//! A lazy argument is computed first (the results are eager).

use super::convert;
use super::numpy::to_chunk;
use super::objects::{as_array, NdArrayObj};
use super::{req, run};
use crate::chunk::{complex, Chunk, DType};
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::PyResult;
use crate::lang::value::{Module, Value};

fn eager(vm: &mut Vm, a: &mut Args, f: &str) -> PyResult<Chunk> {
    let v = req(a, 0, "val", f)?;
    if let Some(x) = as_array(&v) {
        let out = run::compute(vm, &[x], crate::sched::Scheduler::default())?;
        return to_chunk(&out[0]);
    }
    to_chunk(&v)
}

fn dtype_of(v: &Value) -> Option<DType> {
    if let Some(x) = as_array(v) {
        return Some(x.meta().dtype);
    }
    to_chunk(v).ok().map(|c| c.dtype())
}

/// Register the complex helpers on `np`.
pub fn add(m: &Module) {
    m.func(
        "real",
        "real(val)",
        "The real parts (float64 for complex input).",
        |vm, mut a| {
            Ok(NdArrayObj::value(complex::real(&eager(
                vm, &mut a, "real",
            )?)))
        },
    );
    m.func(
        "imag",
        "imag(val)",
        "The imaginary parts (zeros for real input).",
        |vm, mut a| {
            complex::imag(&eager(vm, &mut a, "imag")?)
                .map(NdArrayObj::value)
                .map_err(convert::chunk_error)
        },
    );
    for name in ["conj", "conjugate"] {
        m.func(
            name,
            &format!("{name}(x)"),
            "The complex conjugate, elementwise.",
            move |vm, mut a| Ok(NdArrayObj::value(complex::conj(&eager(vm, &mut a, name)?))),
        );
    }
    m.func(
        "angle",
        "angle(z, deg=False)",
        "The argument of each element (radians, or degrees with deg=True).",
        |vm, mut a| {
            let c = eager(vm, &mut a, "angle")?;
            let deg = a
                .arg(1, "deg")
                .and_then(|v| v.truthy_simple())
                .unwrap_or(false);
            Ok(NdArrayObj::value(complex::angle(&c, deg)))
        },
    );
    m.func(
        "iscomplexobj",
        "iscomplexobj(x)",
        "True when x has a complex dtype.",
        |_vm, mut a| {
            let v = req(&mut a, 0, "x", "iscomplexobj")?;
            Ok(Value::Bool(dtype_of(&v).is_some_and(DType::is_complex)))
        },
    );
    m.func(
        "isrealobj",
        "isrealobj(x)",
        "True when x does not have a complex dtype.",
        |_vm, mut a| {
            let v = req(&mut a, 0, "x", "isrealobj")?;
            Ok(Value::Bool(!dtype_of(&v).is_some_and(DType::is_complex)))
        },
    );
}
