//! Reductions (sum, mean, var, min, argmax, nan-variants, ...) with `axis`
//! and `keepdims`. A direct reduction is `finalize(partial(chunk))`, so the
//! tree-reduction path used by lazy arrays runs the same code.

use super::error::Result;
use super::kernel::norm_axes;
use super::partial::{finalize, partial};
use super::{Chunk, DType};

/// A reduction operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReduceOp {
    /// `sum`
    Sum,
    /// `prod`
    Prod,
    /// `mean`
    Mean,
    /// `var`
    Var,
    /// `std`
    Std,
    /// `min`
    Min,
    /// `max`
    Max,
    /// `any`
    Any,
    /// `all`
    All,
    /// `argmin`
    ArgMin,
    /// `argmax`
    ArgMax,
    /// `nansum`
    NanSum,
    /// `nanprod`
    NanProd,
    /// `nanmean`
    NanMean,
    /// `nanvar`
    NanVar,
    /// `nanstd`
    NanStd,
    /// `nanmin`
    NanMin,
    /// `nanmax`
    NanMax,
    /// `nanargmin`
    NanArgMin,
    /// `nanargmax`
    NanArgMax,
}

impl ReduceOp {
    /// NumPy's function name.
    pub fn name(self) -> &'static str {
        use ReduceOp::*;
        match self {
            Sum => "sum",
            Prod => "prod",
            Mean => "mean",
            Var => "var",
            Std => "std",
            Min => "min",
            Max => "max",
            Any => "any",
            All => "all",
            ArgMin => "argmin",
            ArgMax => "argmax",
            NanSum => "nansum",
            NanProd => "nanprod",
            NanMean => "nanmean",
            NanVar => "nanvar",
            NanStd => "nanstd",
            NanMin => "nanmin",
            NanMax => "nanmax",
            NanArgMin => "nanargmin",
            NanArgMax => "nanargmax",
        }
    }

    /// True for the NaN-skipping variants.
    pub fn skips_nan(self) -> bool {
        use ReduceOp::*;
        matches!(
            self,
            NanSum | NanProd | NanMean | NanVar | NanStd | NanMin | NanMax | NanArgMin | NanArgMax
        )
    }

    /// True for mean/var/std (and nan-variants): partials are moments.
    pub fn is_moment(self) -> bool {
        use ReduceOp::*;
        matches!(self, Mean | Var | Std | NanMean | NanVar | NanStd)
    }

    /// True for argmin/argmax (and nan-variants): partials carry indices.
    pub fn is_arg(self) -> bool {
        use ReduceOp::*;
        matches!(self, ArgMin | ArgMax | NanArgMin | NanArgMax)
    }

    /// NumPy's result dtype for an input dtype.
    pub fn result_dtype(self, d: DType) -> DType {
        use ReduceOp::*;
        match self {
            Sum | Prod | NanSum | NanProd => DType::sum_result(d),
            Mean | Var | Std | NanMean | NanVar | NanStd => DType::mean_result(d),
            Min | Max | NanMin | NanMax => d,
            Any | All => DType::Bool,
            ArgMin | ArgMax | NanArgMin | NanArgMax => DType::Int64,
        }
    }
}

/// Reduce `a` over `axes` (None = all axes). `ddof` is used by var/std only.
/// Arg-reductions accept `None` or a single axis, as NumPy.
pub fn reduce(
    a: &Chunk,
    op: ReduceOp,
    axes: Option<&[isize]>,
    keepdims: bool,
    ddof: usize,
) -> Result<Chunk> {
    if a.dtype().is_complex() {
        return match op {
            ReduceOp::Any | ReduceOp::All => {
                reduce(&a.astype(DType::Bool)?, op, axes, keepdims, ddof)
            }
            _ => super::complex::reduce(a, op, axes, keepdims),
        };
    }
    let ax = norm_axes(axes, a.ndim())?;
    let p = partial(a, op, &ax)?;
    finalize(p, ddof, keepdims)
}

#[cfg(test)]
#[path = "reduce_tests.rs"]
mod tests;
