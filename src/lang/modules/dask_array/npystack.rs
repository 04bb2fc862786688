//! `da.to_npy_stack(dirname, x, axis=0)` and `da.from_npy_stack(dirname,
//! mmap_mode='r')`: Dask's directory of one `.npy` file per block plus a
//! pickled `info` file (`store::npystack`), read and written block by block
//! (`array::npystack`).

use super::convert;
use super::objects::{lazy_operand, not_array, ArrayObj};
use super::run;
use crate::array;
use crate::lang::builtins::to_int;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::value::Value;
use crate::store::npystack;
use std::path::PathBuf;

fn dirname(a: &mut Args, f: &str) -> PyResult<PathBuf> {
    match a.arg(0, "dirname") {
        Some(Value::Str(s)) => Ok(PathBuf::from(&*s)),
        Some(other) => Err(exc::type_error(format!(
            "{f}() expected a directory name (str), not {}",
            other.type_name()
        ))),
        None => Err(exc::type_error(format!(
            "{f}() missing 1 required positional argument: 'dirname'"
        ))),
    }
}

/// `da.to_npy_stack(dirname, x, axis=0)`: one `.npy` file per block along
/// `axis` (other axes become one block), written by one task each; the
/// `info` file is written once every block is on disk.
pub fn to_npy_stack(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let dir = dirname(&mut a, "to_npy_stack")?;
    let xv = a.arg(1, "x").ok_or_else(|| {
        exc::type_error("to_npy_stack() missing 1 required positional argument: 'x'")
    })?;
    let x = lazy_operand(&xv).ok_or_else(|| not_array("to_npy_stack", &xv))?;
    let axis = match a.arg(2, "axis") {
        None => 0,
        Some(v) => to_int(&v, "axis")?,
    };
    let sched = crate::lang::modules::dask_runtime::scheduler_from(vm, &mut a)?;
    a.check("to_npy_stack", 3)?;
    let info = array::npystack::stack_info(&x, axis as isize).map_err(convert::array_error)?;
    npystack::create_dir(&dir).map_err(convert::store_error)?;
    let writer = array::npystack::to_npy_stack(&dir, &x, &info).map_err(convert::array_error)?;
    run::compute(vm, &[writer], sched)?;
    npystack::write_info(&dir, &info).map_err(convert::store_error)?;
    Ok(Value::None)
}

/// `da.from_npy_stack(dirname, mmap_mode='r')`: a lazy array reading one
/// file per block (memory-mapped either way; Tessera never writes through it).
pub fn from_npy_stack(_vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let dir = dirname(&mut a, "from_npy_stack")?;
    match a.arg(1, "mmap_mode") {
        None | Some(Value::None) => {}
        Some(Value::Str(m)) if &*m == "r" || &*m == "c" => {}
        Some(other) => {
            return Err(exc::value_error(format!(
                "mmap_mode must be None, 'r' or 'c' (Tessera maps files read-only), got {}",
                crate::lang::repr::repr_simple(&other)
            )))
        }
    }
    a.check("from_npy_stack", 2)?;
    let info = npystack::read_info(&dir).map_err(convert::store_error)?;
    array::npystack::from_npy_stack(&dir, &info)
        .map(ArrayObj::value)
        .map_err(convert::array_error)
}
