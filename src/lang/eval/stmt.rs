//! Statement execution: assignment/unpacking, loops, try/with/raise, def/class, import.

use super::{record, Args, Ctrl, Frame, Vm};
use crate::lang::exc::{self, PyErr, PyResult};
use crate::lang::ir::{ClassDef, Expr, Handler, Stmt, StmtKind, Target};
use crate::lang::modules;
use crate::lang::ops;
use crate::lang::value::{Class, Value};
use arcstr::ArcStr;
use indexmap::IndexMap;
use parking_lot::RwLock;
use std::sync::Arc;

type CResult = Result<(), Ctrl>;

/// Turn non-exception control flow escaping an expression context into an error.
pub(crate) fn ctrl_exc(c: Ctrl) -> Box<PyErr> {
    match c {
        Ctrl::Exc(e) => e,
        _ => exc::new("SyntaxError", "invalid control flow"),
    }
}

impl Vm<'_> {
    /// Execute statements, recording the failing line on exceptions.
    pub fn exec_block(&mut self, f: &mut Frame<'_>, body: &[Stmt]) -> CResult {
        for s in body {
            if let Err(c) = self.exec(f, s) {
                return Err(match c {
                    Ctrl::Exc(mut e) => {
                        record(&mut e, f, s.line);
                        Ctrl::Exc(e)
                    }
                    other => other,
                });
            }
        }
        Ok(())
    }

    fn exec(&mut self, f: &mut Frame<'_>, s: &Stmt) -> CResult {
        match &s.kind {
            StmtKind::Expr(e) => {
                self.eval(f, e)?;
            }
            StmtKind::Assign(targets, v) => {
                let v = self.eval(f, v)?;
                if let [Target::Local(i)] = &targets[..] {
                    f.locals[*i as usize] = Some(v);
                } else if targets.len() == 1 {
                    self.assign(f, &targets[0], v)?;
                } else {
                    for t in targets {
                        self.assign(f, t, v.clone())?;
                    }
                }
            }
            StmtKind::AugAssign(t, op, v) => self.aug_assign(f, t, *op, v)?,
            StmtKind::If(test, body, orelse) => {
                if self.eval_cond(f, test)? {
                    self.exec_block(f, body)?;
                } else {
                    self.exec_block(f, orelse)?;
                }
            }
            StmtKind::While(test, body, orelse) => loop {
                self.poll()?;
                if !self.eval_cond(f, test)? {
                    self.exec_block(f, orelse)?;
                    break;
                }
                match self.exec_block(f, body) {
                    Ok(()) | Err(Ctrl::Continue) => {}
                    Err(Ctrl::Break) => break,
                    Err(e) => return Err(e),
                }
            },
            StmtKind::For(target, iter, body, orelse) => {
                let itv = self.eval(f, iter)?;
                let mut it = self.iter(&itv)?;
                loop {
                    self.poll()?;
                    let Some(x) = it.next(self)? else {
                        self.exec_block(f, orelse)?;
                        break;
                    };
                    if let Target::Local(i) = target {
                        f.locals[*i as usize] = Some(x);
                    } else {
                        self.assign(f, target, x)?;
                    }
                    match self.exec_block(f, body) {
                        Ok(()) | Err(Ctrl::Continue) => {}
                        Err(Ctrl::Break) => break,
                        Err(e) => return Err(e),
                    }
                }
            }
            StmtKind::Break => return Err(Ctrl::Break),
            StmtKind::Continue => return Err(Ctrl::Continue),
            StmtKind::Return(v) => {
                let v = match v {
                    Some(e) => self.eval(f, e)?,
                    None => Value::None,
                };
                return Err(Ctrl::Return(v));
            }
            StmtKind::Pass => {}
            StmtKind::Def(def, decos, target) => {
                let mut decs = Vec::with_capacity(decos.len());
                for d in decos {
                    decs.push(self.eval(f, d)?);
                }
                let mut v = self.make_function(f, def)?;
                for d in decs.iter().rev() {
                    v = self.call_value(d, Args::pos(vec![v]))?;
                }
                self.assign(f, target, v)?;
            }
            StmtKind::Class(cd, decos, target) => {
                let mut decs = Vec::with_capacity(decos.len());
                for d in decos {
                    decs.push(self.eval(f, d)?);
                }
                let mut v = self.make_class(f, cd)?;
                for d in decs.iter().rev() {
                    v = self.call_value(d, Args::pos(vec![v]))?;
                }
                self.assign(f, target, v)?;
            }
            StmtKind::Import(path, top, target) => {
                let m = modules::import(path)?;
                let v = if *top {
                    modules::import(path.split('.').next().unwrap_or(path))?
                } else {
                    m
                };
                self.assign(f, target, v)?;
            }
            StmtKind::ImportFrom(path, names) => {
                let m = modules::import(path)?;
                for (n, t) in names {
                    let v = match self.getattr(&m, n) {
                        Ok(v) => v,
                        Err(_) => match modules::import(&format!("{path}.{n}")) {
                            Ok(v) => v,
                            Err(_) => {
                                return Err(exc::new(
                                    "ImportError",
                                    format!(
                                        "cannot import name '{n}' from '{path}' (unknown location)"
                                    ),
                                )
                                .into())
                            }
                        },
                    };
                    self.assign(f, t, v)?;
                }
            }
            StmtKind::ImportStar(path) => {
                let m = modules::import(path)?;
                if let Value::Module(m) = m {
                    let items: Vec<(ArcStr, Value)> = m
                        .attrs
                        .read()
                        .iter()
                        .filter(|(k, _)| !k.starts_with('_'))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    for (k, v) in items {
                        f.globals.set(&k, v);
                    }
                }
            }
            StmtKind::Try(body, handlers, orelse, finally) => {
                let r = self.exec_try(f, body, handlers, orelse);
                if !finally.is_empty() {
                    self.exec_block(f, finally)?;
                }
                r?;
            }
            StmtKind::Raise(e, cause) => {
                let Some(e) = e else {
                    return Err(match self.handling.last() {
                        Some(h) => Ctrl::Exc(h.clone()),
                        None => exc::new("RuntimeError", "No active exception to reraise").into(),
                    });
                };
                let v = self.eval(f, e)?;
                let mut err = self.make_exc(v)?;
                if let Some(c) = cause {
                    let cv = self.eval(f, c)?;
                    if cv.is_none() {
                        err.suppress_context = true;
                    } else {
                        err.cause = Some(self.make_exc(cv)?);
                    }
                }
                return Err(err.into());
            }
            StmtKind::Assert(test, msg) => {
                let t = self.eval(f, test)?;
                if !self.truthy(&t)? {
                    let args = match msg {
                        Some(m) => vec![self.eval(f, m)?],
                        None => vec![],
                    };
                    return Err(
                        exc::from_value(exc::instance(exc::class("AssertionError"), args)).into(),
                    );
                }
            }
            StmtKind::Del(targets) => {
                for t in targets {
                    self.delete(f, t)?;
                }
            }
            StmtKind::With(items, body) => self.exec_with(f, items, 0, body)?,
        }
        Ok(())
    }

    fn exec_try(
        &mut self,
        f: &mut Frame<'_>,
        body: &[Stmt],
        handlers: &[Handler],
        orelse: &[Stmt],
    ) -> CResult {
        match self.exec_block(f, body) {
            Ok(()) => self.exec_block(f, orelse),
            Err(Ctrl::Exc(mut e)) => {
                for h in handlers {
                    let matches = match &h.typ {
                        None => true,
                        Some(t) => {
                            let tv = self.eval(f, t)?;
                            exc_matches(&e, &tv)?
                        }
                    };
                    if matches {
                        e.frame_done = false;
                        if let Some(n) = &h.name {
                            self.assign(f, n, e.exc.clone())?;
                        }
                        self.handling.push(e.clone());
                        let r = self.exec_block(f, &h.body);
                        self.handling.pop();
                        return match r {
                            Err(Ctrl::Exc(mut inner))
                                if inner.cause.is_none()
                                    && inner.context.is_none()
                                    && !inner.exc.is(&e.exc) =>
                            {
                                e.context = None;
                                inner.context = Some(e);
                                Err(Ctrl::Exc(inner))
                            }
                            other => other,
                        };
                    }
                }
                Err(Ctrl::Exc(e))
            }
            Err(other) => Err(other),
        }
    }

    fn exec_with(
        &mut self,
        f: &mut Frame<'_>,
        items: &[(crate::lang::ir::Expr, Option<Target>)],
        i: usize,
        body: &[Stmt],
    ) -> CResult {
        let Some((e, t)) = items.get(i) else {
            return self.exec_block(f, body);
        };
        let mgr = self.eval(f, e)?;
        let entered = match &mgr {
            Value::Object(o) => match o.enter(self) {
                Some(r) => r?,
                None if o.enter_returns_self() => mgr.clone(),
                None => {
                    return Err(exc::type_error(format!(
                        "'{}' object does not support the context manager protocol",
                        o.type_name()
                    ))
                    .into())
                }
            },
            Value::Instance(_) => {
                let en = self.getattr(&mgr, "__enter__")?;
                self.call_value(&en, Args::default())?
            }
            other => {
                return Err(exc::type_error(format!(
                    "'{}' object does not support the context manager protocol",
                    other.type_name()
                ))
                .into())
            }
        };
        if let Some(t) = t {
            self.assign(f, t, entered)?;
        }
        let r = self.exec_with(f, items, i + 1, body);
        let err = match &r {
            Err(Ctrl::Exc(e)) => Some(e.clone()),
            _ => None,
        };
        let suppress = match &mgr {
            Value::Object(o) => o.exit(self, err.as_deref())?,
            _ => {
                let ex = self.getattr(&mgr, "__exit__")?;
                let args = match &err {
                    Some(e) => vec![Value::Class(e.class()), e.exc.clone(), Value::None],
                    None => vec![Value::None, Value::None, Value::None],
                };
                let res = self.call_value(&ex, Args::pos(args))?;
                self.truthy(&res)?
            }
        };
        if err.is_some() && suppress {
            return Ok(());
        }
        r
    }

    /// Turn a raised value (class or instance) into an error.
    fn make_exc(&mut self, v: Value) -> PyResult<Box<PyErr>> {
        match &v {
            Value::Class(c) if c.is_exception() => {
                let inst = self.instantiate(c, Args::default())?;
                Ok(exc::from_value(inst))
            }
            Value::Instance(i) if i.class.is_exception() => Ok(exc::from_value(v)),
            _ => Err(exc::type_error("exceptions must derive from BaseException")),
        }
    }

    fn make_class(&mut self, f: &mut Frame<'_>, cd: &Arc<ClassDef>) -> PyResult<Value> {
        let mut bases = Vec::new();
        for b in &cd.bases {
            match self.eval(f, b)? {
                Value::Class(c) => bases.push(c),
                Value::Builtin(b) if &*b.name == "object" => {}
                other => {
                    return Err(exc::type_error(format!(
                        "Tessera classes can only inherit from classes, not '{}'",
                        other.type_name()
                    )))
                }
            }
        }
        let ns: super::Ns = Arc::new(RwLock::new(IndexMap::new()));
        let class_cell = crate::lang::value::Cell::new(None);
        let mut cells = vec![class_cell.clone()];
        cells.extend((1..cd.body.ncells).map(|_| crate::lang::value::Cell::new(None)));
        cells.extend(cd.captures.iter().map(|c| f.cells[*c as usize].clone()));
        let mut frame = Frame {
            locals: vec![None; cd.body.nlocals],
            cells,
            globals: f.globals,
            code: &cd.body,
            ns: Some(ns.clone()),
            yields: None,
            is_func: false,
        };
        self.exec_block(&mut frame, &cd.body.body)
            .map_err(ctrl_exc)?;
        let cls = Class::new(&cd.name, bases, false, "__main__");
        {
            let mut attrs = cls.attrs.write();
            for (k, v) in ns.read().iter() {
                attrs.insert(k.clone(), v.clone());
            }
            if let Some(d) = &cd.body.doc {
                attrs.insert(ArcStr::from("__doc__"), Value::Str(d.clone()));
            }
        }
        *class_cell.0.write() = Some(Value::Class(cls.clone()));
        Ok(Value::Class(cls))
    }

    /// Bind a value to a target.
    pub(crate) fn assign(&mut self, f: &mut Frame<'_>, t: &Target, v: Value) -> CResult {
        match t {
            Target::Local(i) => f.locals[*i as usize] = Some(v),
            Target::Cell(i, _) => *f.cells[*i as usize].0.write() = Some(v),
            Target::Global(i, _) => f.globals.set_slot(*i as usize, Some(v)),
            Target::Ns(n) => {
                if let Some(ns) = &f.ns {
                    ns.write().insert(n.clone(), v);
                } else {
                    f.globals.set(n, v);
                }
            }
            Target::Attr(obj, name) => {
                let o = self.eval(f, obj)?;
                self.setattr(&o, name, v)?;
            }
            Target::Subscript(obj, key) => {
                let v = match obj {
                    Expr::Local(slot) => match self.setitem_local(f, *slot, key, v) {
                        Ok(r) => return r.map_err(Ctrl::from),
                        Err(v) => v,
                    },
                    _ => v,
                };
                let o = self.eval(f, obj)?;
                let k = self.eval(f, key)?;
                ops::setitem(self, &o, &k, v)?;
            }
            Target::Unpack(ts, star) => {
                let items = match self.iterate(&v) {
                    Ok(items) => items,
                    Err(e) if e.is("TypeError") && e.message().ends_with("is not iterable") => {
                        return Err(exc::type_error(format!(
                            "cannot unpack non-iterable {} object",
                            v.type_name()
                        ))
                        .into())
                    }
                    Err(e) => return Err(e.into()),
                };
                match star {
                    None => {
                        if items.len() != ts.len() {
                            return Err(exc::value_error(if items.len() > ts.len() {
                                format!("too many values to unpack (expected {})", ts.len())
                            } else {
                                format!(
                                    "not enough values to unpack (expected {}, got {})",
                                    ts.len(),
                                    items.len()
                                )
                            })
                            .into());
                        }
                        for (t, x) in ts.iter().zip(items) {
                            self.assign(f, t, x)?;
                        }
                    }
                    Some(si) => {
                        let after = ts.len() - si - 1;
                        if items.len() < ts.len() - 1 {
                            return Err(exc::value_error(format!(
                                "not enough values to unpack (expected at least {}, got {})",
                                ts.len() - 1,
                                items.len()
                            ))
                            .into());
                        }
                        let mut items = items;
                        let tail = items.split_off(items.len() - after);
                        let mid = items.split_off(*si);
                        for (t, x) in ts[..*si].iter().zip(items) {
                            self.assign(f, t, x)?;
                        }
                        self.assign(f, &ts[*si], Value::list(mid))?;
                        for (t, x) in ts[si + 1..].iter().zip(tail) {
                            self.assign(f, t, x)?;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn aug_assign(
        &mut self,
        f: &mut Frame<'_>,
        t: &Target,
        op: crate::lang::ir::BinOp,
        v: &crate::lang::ir::Expr,
    ) -> CResult {
        match t {
            Target::Attr(obj, name) => {
                let o = self.eval(f, obj)?;
                let cur = self.getattr(&o, name)?;
                let r = self.eval(f, v)?;
                let n = ops::inplace(self, op, &cur, &r)?;
                self.setattr(&o, name, n)?;
            }
            Target::Subscript(obj, key) => {
                let o = self.eval(f, obj)?;
                let k = self.eval(f, key)?;
                let cur = ops::getitem(self, &o, &k)?;
                let r = self.eval(f, v)?;
                let n = ops::inplace(self, op, &cur, &r)?;
                ops::setitem(self, &o, &k, n)?;
            }
            Target::Unpack(..) => {
                return Err(
                    exc::new("SyntaxError", "illegal expression for augmented assignment").into(),
                )
            }
            simple => {
                let cur = match simple {
                    Target::Local(i) if f.locals[*i as usize].is_some() => {
                        f.locals[*i as usize].clone().unwrap_or(Value::None)
                    }
                    Target::Global(i, name) => self.load_global(f, *i, name)?,
                    _ => self.eval(f, &target_expr(simple, f.globals))?,
                };
                let r = self.eval(f, v)?;
                let n = match (&cur, &r) {
                    (Value::Int(x), Value::Int(y)) => ops::int_op(op, *x, *y)?,
                    _ => ops::inplace(self, op, &cur, &r)?,
                };
                match simple {
                    Target::Local(i) => f.locals[*i as usize] = Some(n),
                    _ => self.assign(f, simple, n)?,
                }
            }
        }
        Ok(())
    }

    fn delete(&mut self, f: &mut Frame<'_>, t: &Target) -> CResult {
        match t {
            Target::Local(i) => {
                if f.locals[*i as usize].take().is_none() {
                    return Err(exc::new(
                        "UnboundLocalError",
                        format!(
                            "cannot access local variable '{}' where it is not associated with a value",
                            f.code.local_names[*i as usize]
                        ),
                    )
                    .into());
                }
            }
            Target::Cell(i, _) => *f.cells[*i as usize].0.write() = None,
            Target::Global(i, n) => {
                if f.globals.get_slot(*i as usize).is_none() {
                    return Err(exc::new("NameError", format!("name '{n}' is not defined")).into());
                }
                f.globals.set_slot(*i as usize, None);
            }
            Target::Ns(n) => {
                if let Some(ns) = &f.ns {
                    ns.write().shift_remove(n);
                }
            }
            Target::Attr(obj, name) => {
                let o = self.eval(f, obj)?;
                self.delattr(&o, name)?;
            }
            Target::Subscript(obj, key) => {
                let o = self.eval(f, obj)?;
                let k = self.eval(f, key)?;
                ops::delitem(self, &o, &k)?;
            }
            Target::Unpack(ts, _) => {
                for t in ts {
                    self.delete(f, t)?;
                }
            }
        }
        Ok(())
    }
}

fn target_expr(t: &Target, g: &crate::lang::value::Globals) -> crate::lang::ir::Expr {
    use crate::lang::ir::Expr;
    match t {
        Target::Local(i) => Expr::Local(*i),
        Target::Cell(i, n) => Expr::Cell(*i, n.clone()),
        Target::Global(i, n) => Expr::Global(*i, n.clone()),
        Target::Ns(n) => Expr::Ns(n.clone(), g.slot(n) as u32),
        _ => Expr::Const(Value::None),
    }
}

/// Whether an exception matches an `except` clause's type (class or tuple of classes).
pub(crate) fn exc_matches(e: &PyErr, t: &Value) -> PyResult<bool> {
    match t {
        Value::Class(c) => Ok(e.class().is_subclass(c)),
        Value::Tuple(ts) => {
            for x in ts.iter() {
                if exc_matches(e, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(exc::type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        )),
    }
}
