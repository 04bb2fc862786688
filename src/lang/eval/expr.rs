//! Expression evaluation.

use super::{Args, Frame, Vm};
use crate::lang::builtins;
use crate::lang::exc::{self, PyResult};
use crate::lang::ir::{Arg, CmpOp, CompFor, CompKind, Expr, FPart, FuncDef, UnOp};
use crate::lang::ops;
use crate::lang::suggest;
use crate::lang::value::dict::{new_dict, new_set};
use crate::lang::value::{Function, HashKey, Value};
use parking_lot::RwLock;
use std::sync::Arc;

/// Cap on items an (eagerly run) generator function may yield.
const MAX_YIELDS: usize = 10_000_000;

impl Vm<'_> {
    /// Evaluate an expression in a frame.
    pub fn eval(&mut self, f: &mut Frame<'_>, e: &Expr) -> PyResult<Value> {
        // Hot node kinds stay in this small function; the rest live in `eval_cold`.
        match e {
            Expr::Const(v) => Ok(v.clone_fast()),
            Expr::Local(i) => match &f.locals[*i as usize] {
                Some(v) => Ok(v.clone_fast()),
                None => self.eval_cold(f, e),
            },
            Expr::Global(i, name) => self.load_global(f, *i, name),
            Expr::Bin(a, op, b) => {
                let a = self.operand(f, a)?;
                let b = self.operand(f, b)?;
                if let (Value::Int(x), Value::Int(y)) = (&a, &b) {
                    return crate::lang::ops::int_op(*op, *x, *y);
                }
                if let Some(v) = float_fast(*op, &a, &b) {
                    return Ok(v);
                }
                ops::binop(self, *op, &a, &b)
            }
            Expr::Compare(first, rest) if rest.len() == 1 => {
                let l = self.operand(f, first)?;
                let r = self.operand(f, &rest[0].1)?;
                self.compare(rest[0].0, &l, &r)
            }
            Expr::Call(func, args) => self.eval_call(f, func, args),
            Expr::IfExp(b) => {
                let branch = if self.eval_cond(f, &b.0)? { &b.1 } else { &b.2 };
                self.eval(f, branch)
            }
            _ => self.eval_cold(f, e),
        }
    }

    /// Evaluate a test (`if`, `while`, `x if t else y`) straight to a bool:
    /// comparisons of two ints or two floats, the usual loop and recursion
    /// tests, skip the intermediate `bool` value and the truthiness dispatch.
    #[inline]
    pub(crate) fn eval_cond(&mut self, f: &mut Frame<'_>, e: &Expr) -> PyResult<bool> {
        if let Expr::Compare(first, rest) = e {
            if let [(op, second)] = &rest[..] {
                // `local < 2`: compared in place, no operand values at all.
                if let (Expr::Local(i), Expr::Const(Value::Int(c))) = (&**first, second) {
                    if let Some(Value::Int(x)) = &f.locals[*i as usize] {
                        if let Some(b) = cmp_ord(*op, x, c) {
                            return Ok(b);
                        }
                    }
                }
                let l = self.operand(f, first)?;
                let r = self.operand(f, second)?;
                let fast = match (&l, &r) {
                    (Value::Int(x), Value::Int(y)) => cmp_ord(*op, x, y),
                    (Value::Float(x), Value::Float(y)) => cmp_ord(*op, x, y),
                    _ => None,
                };
                if let Some(b) = fast {
                    return Ok(b);
                }
                let v = self.compare(*op, &l, &r)?;
                return self.truthy(&v);
            }
        }
        let v = self.eval(f, e)?;
        self.truthy(&v)
    }

    /// An operand: locals and constants are read without a full `eval` call
    /// (most arithmetic and call arguments are one or the other).
    #[inline(always)]
    fn operand(&mut self, f: &mut Frame<'_>, e: &Expr) -> PyResult<Value> {
        match e {
            Expr::Local(i) => {
                if let Some(v) = &f.locals[*i as usize] {
                    return Ok(v.clone_fast());
                }
            }
            Expr::Const(v) => return Ok(v.clone_fast()),
            // Calls skip a level of `eval` (`fib(n - 1) + fib(n - 2)`).
            Expr::Call(func, args) => return self.eval_call(f, func, args),
            _ => {}
        }
        self.eval(f, e)
    }

    #[inline(never)]
    fn eval_call(&mut self, f: &mut Frame<'_>, func: &Expr, args: &[Arg]) -> PyResult<Value> {
        if let Expr::Attr(obj, name) = func {
            if let Expr::Local(slot) = **obj {
                if let Some(r) = self.hot_local_method(f, slot, name, args) {
                    return r;
                }
            }
            let o = self.eval(f, obj)?;
            // Fast paths: methods of instances and built-in containers are called
            // without materialising a bound-method object.
            match &o {
                Value::Instance(i) if i.get(name).is_none() => {
                    if let Some(Value::Func(fun)) = i.class.lookup(name) {
                        let a = self.eval_args_with(f, args, Some(o.clone()))?;
                        return self.call_function(&fun, a);
                    }
                }
                Value::List(_)
                | Value::Dict(_)
                | Value::Str(_)
                | Value::Set(_)
                | Value::Tuple(_) => {
                    if let Some(r) = self.hot_method(f, &o, name, args) {
                        return r;
                    }
                    if let Some(m) = crate::lang::methods::lookup(&o, name) {
                        let a = self.eval_args_with(f, args, Some(o.clone()))?;
                        return self.call_value(&m, a);
                    }
                }
                Value::Object(obj) => {
                    let obj = obj.clone();
                    let a = self.eval_args(f, args)?;
                    if let Some(r) = obj.call_method(self, name, &a) {
                        return r;
                    }
                    let fv = self.getattr(&o, name)?;
                    return self.call_value(&fv, a);
                }
                _ => {}
            }
            let fv = self.getattr(&o, name)?;
            let a = self.eval_args(f, args)?;
            return self.call_value(&fv, a);
        }
        let fv = match func {
            // Calls of module-level functions (the usual case) read the slot directly.
            Expr::Global(i, name) => self.load_global(f, *i, name)?,
            _ => self.eval(f, func)?,
        };
        if let Value::Func(fun) = &fv {
            // Fast path: plain positional call binds straight into the locals.
            let code = &fun.code;
            if code.npos == args.len()
                && code.params.len() == code.npos
                && args.iter().all(|a| matches!(a, Arg::Pos(_)))
            {
                let mut locals = self.pool.pop().unwrap_or_default();
                locals.reserve(code.nlocals);
                for a in args {
                    if let Arg::Pos(e) = a {
                        locals.push(Some(self.operand(f, e)?));
                    }
                }
                locals.resize(code.nlocals, None);
                return self.call_with_locals(fun, locals);
            }
        }
        let a = self.eval_args(f, args)?;
        self.call_value(&fv, a)
    }

    #[inline(never)]
    fn eval_cold(&mut self, f: &mut Frame<'_>, e: &Expr) -> PyResult<Value> {
        match e {
            Expr::Const(v) => Ok(v.clone()),
            Expr::Local(i) => match &f.locals[*i as usize] {
                Some(v) => Ok(v.clone()),
                None => Err(exc::new(
                    "UnboundLocalError",
                    format!(
                        "cannot access local variable '{}' where it is not associated with a value",
                        f.code.local_names[*i as usize]
                    ),
                )),
            },
            Expr::Cell(i, name) => match &*f.cells[*i as usize].0.read() {
                Some(v) => Ok(v.clone()),
                None => Err(exc::new(
                    "NameError",
                    format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
                )),
            },
            Expr::Global(i, name) => self.load_global(f, *i, name),
            Expr::Ns(name, slot) => {
                if let Some(ns) = &f.ns {
                    if let Some(v) = ns.read().get(name) {
                        return Ok(v.clone());
                    }
                }
                self.load_global(f, *slot, name)
            }
            Expr::List(items) => Ok(Value::list(self.eval_seq(f, items)?)),
            Expr::Tuple(items) => Ok(Value::tuple(self.eval_seq(f, items)?)),
            Expr::Set(items) => {
                let vals = self.eval_seq(f, items)?;
                let mut s = new_set();
                for v in vals {
                    let k = self.hash_key(&v)?;
                    s.entry(k).or_insert(v);
                }
                Ok(Value::Set(Arc::new(RwLock::new(s))))
            }
            Expr::Dict(items) => {
                let mut d = new_dict();
                for (k, v) in items {
                    match k {
                        Some(k) => {
                            let k = self.eval(f, k)?;
                            let v = self.eval(f, v)?;
                            let hk = self.hash_key(&k)?;
                            match d.get_mut(&hk) {
                                Some(slot) => slot.1 = v,
                                None => {
                                    d.insert(hk, (k, v));
                                }
                            }
                        }
                        None => {
                            let m = self.eval(f, v)?;
                            for (k, v) in self.mapping_items(&m)? {
                                let hk = self.hash_key(&k)?;
                                d.insert(hk, (k, v));
                            }
                        }
                    }
                }
                Ok(Value::dict(d))
            }
            Expr::Starred(_) => Err(exc::new(
                "SyntaxError",
                "can't use starred expression here",
            )),
            Expr::Bin(a, op, b) => {
                let a = self.eval(f, a)?;
                let b = self.eval(f, b)?;
                ops::binop(self, *op, &a, &b)
            }
            Expr::Unary(op, a) => {
                let a = self.eval(f, a)?;
                match op {
                    UnOp::Not => Ok(Value::Bool(!self.truthy(&a)?)),
                    _ => ops::unary(self, *op, &a),
                }
            }
            Expr::And(vs) => {
                let mut last = Value::Bool(true);
                for v in vs {
                    last = self.eval(f, v)?;
                    if !self.truthy(&last)? {
                        return Ok(last);
                    }
                }
                Ok(last)
            }
            Expr::Or(vs) => {
                let mut last = Value::Bool(false);
                for v in vs {
                    last = self.eval(f, v)?;
                    if self.truthy(&last)? {
                        return Ok(last);
                    }
                }
                Ok(last)
            }
            Expr::Compare(first, rest) => {
                let mut left = self.eval(f, first)?;
                let n = rest.len();
                for (i, (op, r)) in rest.iter().enumerate() {
                    let right = self.eval(f, r)?;
                    let res = self.compare(*op, &left, &right)?;
                    if i + 1 == n {
                        return Ok(res);
                    }
                    if !self.truthy(&res)? {
                        return Ok(res);
                    }
                    left = right;
                }
                Ok(Value::Bool(true))
            }
            Expr::IfExp(b) => {
                let t = self.eval(f, &b.0)?;
                if self.truthy(&t)? {
                    self.eval(f, &b.1)
                } else {
                    self.eval(f, &b.2)
                }
            }
            Expr::Call(func, args) => self.eval_call(f, func, args),
            Expr::Attr(obj, name) => {
                let o = self.eval(f, obj)?;
                self.getattr(&o, name)
            }
            Expr::Subscript(obj, key) => {
                let o = self.eval(f, obj)?;
                let k = self.eval(f, key)?;
                ops::getitem(self, &o, &k)
            }
            Expr::Slice(parts) => {
                let mut vals = [Value::None, Value::None, Value::None];
                for (i, p) in parts.iter().enumerate() {
                    if let Some(p) = p {
                        vals[i] = self.eval(f, p)?;
                    }
                }
                Ok(Value::Slice(Arc::new(vals)))
            }
            Expr::Lambda(def) => self.make_function(f, def),
            Expr::Comp(kind, elt, val, fors) => {
                let mut out = Vec::new();
                let mut dout = new_dict();
                self.comp_loop(f, fors, 0, &mut |vm, fr| {
                    if *kind == CompKind::Dict {
                        let k = vm.eval(fr, elt)?;
                        let v = vm.eval(fr, val.as_ref().expect("dict value"))?;
                        let hk = vm.hash_key(&k)?;
                        match dout.get_mut(&hk) {
                            Some(slot) => slot.1 = v,
                            None => {
                                dout.insert(hk, (k, v));
                            }
                        }
                    } else {
                        out.push(vm.eval(fr, elt)?);
                    }
                    Ok(())
                })?;
                Ok(match kind {
                    CompKind::List => Value::list(out),
                    CompKind::Gen => Value::iter_of(out),
                    CompKind::Dict => Value::dict(dout),
                    CompKind::Set => {
                        let mut s = new_set();
                        for v in out {
                            let k = self.hash_key(&v)?;
                            s.entry(k).or_insert(v);
                        }
                        Value::Set(Arc::new(RwLock::new(s)))
                    }
                })
            }
            Expr::FString(parts) => Ok(Value::str(&self.fstring(f, parts)?)),
            Expr::Yield(v) => {
                let v = match v {
                    Some(e) => self.eval(f, e)?,
                    None => Value::None,
                };
                self.push_yield(f, vec![v])?;
                Ok(Value::None)
            }
            Expr::YieldFrom(it) => {
                let it = self.eval(f, it)?;
                let items = self.iterate(&it)?;
                self.push_yield(f, items)?;
                Ok(Value::None)
            }
            Expr::Named(t, v) => {
                let v = self.eval(f, v)?;
                self.assign(f, t, v.clone()).map_err(super::stmt::ctrl_exc)?;
                Ok(v)
            }
        }
    }

    fn push_yield(&mut self, f: &mut Frame<'_>, items: Vec<Value>) -> PyResult<()> {
        let y = f.yields.get_or_insert_with(Vec::new);
        y.extend(items);
        if y.len() > MAX_YIELDS {
            return Err(exc::new(
                "MemoryError",
                format!("generator produced more than {MAX_YIELDS} items (Tessera runs generators eagerly)"),
            ));
        }
        self.poll()
    }

    fn fstring(&mut self, f: &mut Frame<'_>, parts: &[FPart]) -> PyResult<String> {
        let mut s = String::new();
        for p in parts {
            match p {
                FPart::Lit(l) => s.push_str(l),
                FPart::Fmt {
                    expr,
                    conv,
                    spec,
                    debug,
                } => {
                    let v = self.eval(f, expr)?;
                    if let Some(d) = debug {
                        s.push_str(d);
                    }
                    let v = match conv {
                        'r' | 'a' => Value::str(&self.repr(&v)?),
                        's' => Value::str(&self.str(&v)?),
                        _ => v,
                    };
                    let spec = self.fstring(f, spec)?;
                    s.push_str(&crate::lang::format::format_value(self, &v, &spec)?);
                }
            }
        }
        Ok(s)
    }

    fn comp_loop(
        &mut self,
        f: &mut Frame<'_>,
        fors: &[CompFor],
        i: usize,
        body: &mut dyn FnMut(&mut Vm, &mut Frame<'_>) -> PyResult<()>,
    ) -> PyResult<()> {
        let Some(cf) = fors.get(i) else {
            return body(self, f);
        };
        let it = self.eval(f, &cf.iter)?;
        let items = self.iterate(&it)?;
        'outer: for x in items {
            self.poll()?;
            self.assign(f, &cf.target, x)
                .map_err(super::stmt::ctrl_exc)?;
            for cond in &cf.ifs {
                let c = self.eval(f, cond)?;
                if !self.truthy(&c)? {
                    continue 'outer;
                }
            }
            self.comp_loop(f, fors, i + 1, body)?;
        }
        Ok(())
    }

    pub(crate) fn load_global(&mut self, f: &Frame<'_>, slot: u32, name: &str) -> PyResult<Value> {
        if let Some(v) = f.globals.get_slot(slot as usize) {
            return Ok(v);
        }
        if let Some(v) = builtins::lookup(name) {
            return Ok(v);
        }
        let mut cands = f.globals.names();
        cands.extend(builtins::names());
        let mut msg = format!("name '{name}' is not defined");
        if let Some(s) = suggest::closest(name, &cands) {
            msg.push_str(&format!(". Did you mean: '{s}'?"));
        }
        Err(exc::new("NameError", msg))
    }

    /// Evaluate list/tuple/set display items, expanding `*x`.
    pub(crate) fn eval_seq(&mut self, f: &mut Frame<'_>, items: &[Expr]) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for it in items {
            if let Expr::Starred(inner) = it {
                let v = self.eval(f, inner)?;
                out.extend(self.iterate(&v)?);
            } else {
                out.push(self.eval(f, it)?);
            }
        }
        Ok(out)
    }

    fn eval_args(&mut self, f: &mut Frame<'_>, args: &[Arg]) -> PyResult<Args> {
        self.eval_args_with(f, args, None)
    }

    fn eval_args_with(
        &mut self,
        f: &mut Frame<'_>,
        args: &[Arg],
        first: Option<Value>,
    ) -> PyResult<Args> {
        let mut a = Args {
            pos: Vec::with_capacity(args.len() + 1),
            kw: Vec::new(),
        };
        if let Some(v) = first {
            a.pos.push(v);
        }
        for arg in args {
            match arg {
                Arg::Pos(e) => a.pos.push(self.eval(f, e)?),
                Arg::Star(e) => {
                    let v = self.eval(f, e)?;
                    a.pos.extend(self.iterate(&v)?);
                }
                Arg::Kw(n, e) => {
                    let v = self.eval(f, e)?;
                    a.kw.push((n.clone(), v));
                }
                Arg::KwStar(e) => {
                    let m = self.eval(f, e)?;
                    for (k, v) in self.mapping_items(&m)? {
                        match k {
                            Value::Str(s) => a.kw.push((s, v)),
                            _ => return Err(exc::type_error("keywords must be strings")),
                        }
                    }
                }
            }
        }
        Ok(a)
    }

    /// Items of a dict (for `**m`).
    pub(crate) fn mapping_items(&mut self, m: &Value) -> PyResult<Vec<(Value, Value)>> {
        match m {
            Value::Dict(d) => Ok(d.read().values().cloned().collect()),
            other => Err(exc::type_error(format!(
                "'{}' object is not a mapping",
                other.type_name()
            ))),
        }
    }

    /// The dict key of a value, or `TypeError: unhashable type`.
    pub fn hash_key(&mut self, v: &Value) -> PyResult<HashKey> {
        HashKey::of(v)
            .ok_or_else(|| exc::type_error(format!("unhashable type: '{}'", v.type_name())))
    }

    /// Build a function object from a `def`/`lambda` site.
    pub(crate) fn make_function(
        &mut self,
        f: &mut Frame<'_>,
        def: &Arc<FuncDef>,
    ) -> PyResult<Value> {
        let mut defaults = Vec::with_capacity(def.defaults.len());
        for d in &def.defaults {
            defaults.push(self.eval(f, d)?);
        }
        let mut kwdefaults = vec![None; def.code.params.len()];
        for (i, d) in &def.kwdefaults {
            kwdefaults[*i] = Some(self.eval(f, d)?);
        }
        let closure = def
            .captures
            .iter()
            .map(|c| f.cells[*c as usize].clone())
            .collect();
        Ok(Value::Func(Arc::new(Function {
            code: def.code.clone(),
            defaults,
            kwdefaults,
            closure,
            globals: f.globals.clone(),
            attrs: RwLock::new(Default::default()),
        })))
    }

    /// Apply a comparison operator.
    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            let r = match op {
                CmpOp::Eq => x == y,
                CmpOp::Ne => x != y,
                CmpOp::Lt => x < y,
                CmpOp::Le => x <= y,
                CmpOp::Gt => x > y,
                CmpOp::Ge => x >= y,
                CmpOp::Is => x == y,
                CmpOp::IsNot => x != y,
                _ => return Err(exc::type_error("argument of type 'int' is not iterable")),
            };
            return Ok(Value::Bool(r));
        }
        Ok(Value::Bool(match op {
            CmpOp::Is => a.is(b),
            CmpOp::IsNot => !a.is(b),
            CmpOp::In => self.contains(b, a)?,
            CmpOp::NotIn => !self.contains(b, a)?,
            _ => return ops::richcmp(self, op, a, b),
        }))
    }
}

/// `a op b` for the ordering operators on one primitive type (`None` for
/// `is`, `in` and their negations, which keep their own rules).
#[inline(always)]
fn cmp_ord<T: PartialOrd>(op: CmpOp, a: &T, b: &T) -> Option<bool> {
    Some(match op {
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
        _ => return None,
    })
}

/// `+`, `-` and `*` on two floats or a float and an int (converted as Python
/// converts it), inline in the evaluator; everything else takes `ops::binop`.
#[inline(always)]
fn float_fast(op: crate::lang::ir::BinOp, a: &Value, b: &Value) -> Option<Value> {
    use crate::lang::ir::BinOp;
    let (x, y) = match (a, b) {
        (Value::Float(x), Value::Float(y)) => (*x, *y),
        (Value::Int(x), Value::Float(y)) => (*x as f64, *y),
        (Value::Float(x), Value::Int(y)) => (*x, *y as f64),
        _ => return None,
    };
    Some(Value::Float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        _ => return None,
    }))
}
