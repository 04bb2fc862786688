//! `np.einsum` subscripts: parsed into an index plan (which label each operand
//! axis carries, and the output's labels) and checked against the operands'
//! shapes, in NumPy's order and with NumPy's messages. The eager kernel
//! (`einsum_exec.rs`) and the lazy blockwise einsum (`array::einsum`) share it.

use std::collections::BTreeMap;
use thiserror::Error;

/// An einsum index: an ASCII letter's code, or [`BROADCAST`]` + k` for the
/// `k`-th (left to right) dimension that `...` stands for.
pub type Label = u16;

/// First label of the dimensions an ellipsis covers.
pub const BROADCAST: Label = 256;

/// Why the subscripts or the operands' shapes were refused (NumPy's ValueErrors).
#[derive(Debug, Clone, PartialEq, Error)]
pub enum EinsumError {
    /// The subscripts name more operands than were given.
    #[error(
        "fewer operands provided to einstein sum function than specified in the subscripts string"
    )]
    FewerOperands,
    /// More operands were given than the subscripts name.
    #[error(
        "more operands provided to einstein sum function than specified in the subscripts string"
    )]
    MoreOperands,
    /// A character that is not a letter, `.`, `,`, ` ` or `->`.
    #[error(
        "invalid subscript '{0}' in einstein sum subscripts string, subscripts must be letters"
    )]
    InvalidSubscript(char),
    /// More letters than the operand has axes.
    #[error("einstein sum subscripts string contains too many subscripts for operand {0}")]
    TooManySubscripts(usize),
    /// A `.` outside a `...` in an operand.
    #[error("einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in operand {0}")]
    BadEllipsis(usize),
    /// A `.` outside a `...` in the output.
    #[error("einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in the output")]
    BadOutputEllipsis,
    /// Fewer letters than axes and no `...`.
    #[error("operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.")]
    MissingEllipsis,
    /// Operands have `...` dimensions the explicit output drops.
    #[error("output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.")]
    OutputMissingEllipsis,
    /// Something other than `->` after the last operand.
    #[error("einstein sum subscript string does not contain proper '->' output specified")]
    NoArrow,
    /// An output letter given twice.
    #[error("einstein sum subscripts string includes output subscript '{0}' multiple times")]
    OutputRepeated(char),
    /// An output letter no operand has.
    #[error("einstein sum subscripts string included output subscript '{0}' which never appeared in an input")]
    OutputNotInInput(char),
    /// A letter repeated within one operand over axes of different lengths.
    #[error("dimensions in {} for collapsing index '{label}' don't match ({first} != {other})", match .operand { Some(i) => format!("operand {i}"), None => "single operand".to_string() })]
    Collapse {
        /// The operand (None when there is only one).
        operand: Option<usize>,
        /// The repeated letter.
        label: char,
        /// Length of its first axis.
        first: usize,
        /// Length of the axis that differs.
        other: usize,
    },
    /// Lengths of one label that differ (and are not 1) across operands.
    #[error(
        "operands could not be broadcast together with remapped shapes [original->remapped]: {0}"
    )]
    Broadcast(String),
}

/// A parsed einsum: each operand's axis labels and the output's labels.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Spec {
    /// Per operand, the label of each of its axes (a label repeats for a diagonal).
    pub inputs: Vec<Vec<Label>>,
    /// The output's axis labels, in order (no repeats).
    pub output: Vec<Label>,
}

/// The letter a label prints as (`.` for ellipsis dimensions).
pub fn label_char(l: Label) -> char {
    if l < BROADCAST {
        char::from(l as u8)
    } else {
        '.'
    }
}

impl Spec {
    /// Labels summed over (in no output), ascending as NumPy iterates them.
    pub fn contracted(&self) -> Vec<Label> {
        let mut v: Vec<Label> = self
            .inputs
            .iter()
            .flatten()
            .copied()
            .filter(|l| !self.output.contains(l))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// NumPy's iteration order: the output labels, then the contracted ones.
    pub fn iter_labels(&self) -> Vec<Label> {
        let mut v = self.output.clone();
        v.extend(self.contracted());
        v
    }

    /// Check the operands' shapes (repeated labels of one operand must have
    /// equal lengths; a label's lengths across operands must agree or be 1)
    /// and return each label's length.
    pub fn sizes(&self, shapes: &[&[usize]]) -> Result<BTreeMap<Label, usize>, EinsumError> {
        let nop = self.inputs.len();
        // NumPy words the error differently on its one-operand, no-sum path.
        let single_view = self.contracted().is_empty();
        // Each operand with repeated labels combined (its diagonal view).
        let mut views: Vec<Vec<(Label, usize)>> = Vec::with_capacity(nop);
        for (iop, (labels, shape)) in self.inputs.iter().zip(shapes).enumerate() {
            let mut view: Vec<(Label, usize)> = Vec::new();
            for (&l, &n) in labels.iter().zip(shape.iter()) {
                match view.iter().find(|(v, _)| *v == l) {
                    Some(&(_, first)) if first != n => {
                        return Err(EinsumError::Collapse {
                            operand: (nop > 1 || !single_view).then_some(iop),
                            label: label_char(l),
                            first,
                            other: n,
                        })
                    }
                    Some(_) => {}
                    None => view.push((l, n)),
                }
            }
            views.push(view);
        }
        let mut sizes = BTreeMap::new();
        let mut clash = false;
        for l in self.iter_labels() {
            let mut size = 1;
            for view in &views {
                if let Some(&(_, n)) = view.iter().find(|(v, _)| *v == l) {
                    if n != 1 {
                        clash |= size != 1 && size != n;
                        size = n;
                    }
                }
            }
            sizes.insert(l, size);
        }
        if clash {
            return Err(EinsumError::Broadcast(self.remapped(&views)));
        }
        Ok(sizes)
    }

    /// NumPy's `(2,3)->(2,newaxis,3) (4,3)->(3,4) ` listing.
    fn remapped(&self, views: &[Vec<(Label, usize)>]) -> String {
        let iter = self.iter_labels();
        let mut s = String::new();
        for view in views {
            let orig: Vec<Option<usize>> = view.iter().map(|&(_, n)| Some(n)).collect();
            let rem: Vec<Option<usize>> = iter
                .iter()
                .map(|l| view.iter().find(|(v, _)| v == l).map(|&(_, n)| n))
                .collect();
            s.push_str(&shape_string(&orig));
            s.push_str("->");
            s.push_str(&shape_string(&rem));
            s.push(' ');
        }
        s
    }
}

/// NumPy's nditer shape string: leading new axes dropped, `(n,)` for one axis.
fn shape_string(dims: &[Option<usize>]) -> String {
    let first = dims.iter().position(|d| d.is_some());
    let Some(first) = first else {
        return "()".into();
    };
    let parts: Vec<String> = dims[first..]
        .iter()
        .map(|d| d.map_or("newaxis".to_string(), |n| n.to_string()))
        .collect();
    let close = if dims.len() == 1 { ",)" } else { ")" };
    format!("({}{close}", parts.join(","))
}

/// One operand's letters: `Some(label)` per axis, `None` for ellipsis axes.
fn parse_operand(sub: &[char], ndim: usize, iop: usize) -> Result<Vec<Option<Label>>, EinsumError> {
    let mut labels: Vec<Label> = Vec::new();
    let mut ellipsis: Option<usize> = None;
    let mut i = 0;
    while i < sub.len() {
        let c = sub[i];
        if c.is_ascii_alphabetic() {
            if labels.len() >= ndim {
                return Err(EinsumError::TooManySubscripts(iop));
            }
            labels.push(c as Label);
        } else if c == '.' {
            if ellipsis.is_some() || i + 2 >= sub.len() || sub[i + 1] != '.' || sub[i + 2] != '.' {
                return Err(EinsumError::BadEllipsis(iop));
            }
            ellipsis = Some(labels.len());
            i += 2;
        } else if c != ' ' {
            return Err(EinsumError::InvalidSubscript(c));
        }
        i += 1;
    }
    let mut out: Vec<Option<Label>> = labels.iter().map(|&l| Some(l)).collect();
    match ellipsis {
        None if labels.len() != ndim => Err(EinsumError::MissingEllipsis),
        None => Ok(out),
        Some(at) => {
            let extra = ndim - labels.len();
            out.splice(at..at, std::iter::repeat_n(None, extra));
            Ok(out)
        }
    }
}

/// Parse `subscripts` for operands of `ndims` dimensions (NumPy's rules: spaces
/// ignored, `...` broadcasts right-aligned, no `->` means the letters used
/// once in alphabetical order after the ellipsis dimensions).
pub fn parse(subscripts: &str, ndims: &[usize]) -> Result<Spec, EinsumError> {
    let chars: Vec<char> = subscripts.chars().collect();
    let nop = ndims.len();
    let mut pos = 0;
    let mut raw: Vec<Vec<Option<Label>>> = Vec::with_capacity(nop);
    for (iop, &ndim) in ndims.iter().enumerate() {
        let end = chars[pos..]
            .iter()
            .position(|&c| c == ',' || c == '-')
            .map_or(chars.len(), |p| pos + p);
        let at_comma = chars.get(end) == Some(&',');
        if iop + 1 == nop && at_comma {
            return Err(EinsumError::MoreOperands);
        }
        if iop + 1 < nop && !at_comma {
            return Err(EinsumError::FewerOperands);
        }
        raw.push(parse_operand(&chars[pos..end], ndim, iop)?);
        pos = if iop + 1 < nop { end + 1 } else { end };
    }
    let nb = raw
        .iter()
        .map(|r| r.iter().filter(|l| l.is_none()).count())
        .max()
        .unwrap_or(0);
    let inputs: Vec<Vec<Label>> = raw
        .iter()
        .map(|r| {
            let e = r.iter().filter(|l| l.is_none()).count();
            let mut k = nb - e;
            r.iter()
                .map(|l| {
                    l.unwrap_or_else(|| {
                        k += 1;
                        BROADCAST + (k - 1) as Label
                    })
                })
                .collect()
        })
        .collect();
    let mut counts: BTreeMap<Label, usize> = BTreeMap::new();
    for &l in inputs.iter().flatten().filter(|&&l| l < BROADCAST) {
        *counts.entry(l).or_default() += 1;
    }
    let bcast = (0..nb).map(|k| BROADCAST + k as Label);
    let rest = &chars[pos..];
    let output = if rest.is_empty() {
        bcast
            .chain(counts.iter().filter(|(_, &n)| n == 1).map(|(&l, _)| l))
            .collect()
    } else if rest.len() < 2 || rest[0] != '-' || rest[1] != '>' {
        return Err(EinsumError::NoArrow);
    } else {
        parse_output(&rest[2..], nb, &counts)?
    };
    Ok(Spec { inputs, output })
}

fn parse_output(
    sub: &[char],
    nb: usize,
    counts: &BTreeMap<Label, usize>,
) -> Result<Vec<Label>, EinsumError> {
    let mut out = Vec::new();
    let mut ellipsis = false;
    let mut i = 0;
    while i < sub.len() {
        let c = sub[i];
        if c.is_ascii_alphabetic() {
            if sub[i + 1..].contains(&c) {
                return Err(EinsumError::OutputRepeated(c));
            }
            if !counts.contains_key(&(c as Label)) {
                return Err(EinsumError::OutputNotInInput(c));
            }
            out.push(c as Label);
        } else if c == '.' {
            if ellipsis || i + 2 >= sub.len() || sub[i + 1] != '.' || sub[i + 2] != '.' {
                return Err(EinsumError::BadOutputEllipsis);
            }
            out.extend((0..nb).map(|k| BROADCAST + k as Label));
            ellipsis = true;
            i += 2;
        } else if c != ' ' {
            return Err(EinsumError::InvalidSubscript(c));
        }
        i += 1;
    }
    if !ellipsis && nb > 0 {
        return Err(EinsumError::OutputMissingEllipsis);
    }
    Ok(out)
}

#[cfg(test)]
#[path = "einsum_tests.rs"]
mod tests;
