//! Calling: argument binding (defaults, *args, **kwargs, keyword-only), user functions,
//! classes, bound methods, builtins and library objects.

use super::{record, Ctrl, Frame, Vm, RECURSION_LIMIT};
use crate::lang::exc::{self, PyResult};
use crate::lang::ir::{ParamKind, Stmt, StmtKind};
use crate::lang::value::dict::new_dict;
use crate::lang::value::{Cell, Class, Function, HashKey, Instance, Value};
use arcstr::ArcStr;
use std::sync::Arc;

/// Call arguments: positional values and `(name, value)` keywords.
#[derive(Default, Clone)]
pub struct Args {
    /// Positional arguments.
    pub pos: Vec<Value>,
    /// Keyword arguments in call order.
    pub kw: Vec<(ArcStr, Value)>,
}

impl Args {
    /// Positional-only arguments.
    pub fn pos(pos: Vec<Value>) -> Args {
        Args {
            pos,
            kw: Vec::new(),
        }
    }

    /// Remove and return keyword `name`.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.kw.iter().position(|(k, _)| &**k == name)?;
        Some(self.kw.remove(i).1)
    }

    /// Argument `i` positionally or by keyword `name`.
    pub fn arg(&mut self, i: usize, name: &str) -> Option<Value> {
        if let Some(v) = self.take_kw(name) {
            return Some(v);
        }
        self.pos.get(i).cloned()
    }

    /// Fail with CPython's messages when there are too many arguments or unknown keywords.
    pub fn check(&self, fname: &str, max: usize) -> PyResult<()> {
        if self.pos.len() > max {
            return Err(exc::type_error(format!(
                "{fname}() takes at most {max} argument{} ({} given)",
                if max == 1 { "" } else { "s" },
                self.pos.len()
            )));
        }
        if let Some((k, _)) = self.kw.first() {
            return Err(exc::type_error(format!(
                "{fname}() got an unexpected keyword argument '{k}'"
            )));
        }
        Ok(())
    }

    /// Require exactly `n` positional arguments and no keywords.
    pub fn exact(&self, fname: &str, n: usize) -> PyResult<()> {
        if let Some((k, _)) = self.kw.first() {
            let _ = k;
            return Err(exc::type_error(format!(
                "{fname}() takes no keyword arguments"
            )));
        }
        if self.pos.len() != n {
            return Err(exc::type_error(match n {
                0 => format!("{fname}() takes no arguments ({} given)", self.pos.len()),
                1 => format!(
                    "{fname}() takes exactly one argument ({} given)",
                    self.pos.len()
                ),
                _ => format!("{fname} expected {n} arguments, got {}", self.pos.len()),
            }));
        }
        Ok(())
    }
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

fn names_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

impl Vm<'_> {
    /// Call any callable value.
    pub fn call_value(&mut self, f: &Value, mut args: Args) -> PyResult<Value> {
        match f {
            Value::Func(func) => self.call_function(func, args),
            Value::Builtin(b) => (b.f)(self, args),
            Value::Method(m) => {
                args.pos.insert(0, m.0.clone());
                self.call_value(&m.1, args)
            }
            Value::Class(c) => self.instantiate(c, args),
            Value::Object(o) => match o.call(self, args) {
                Some(r) => r,
                None => Err(exc::type_error(format!(
                    "'{}' object is not callable",
                    o.type_name()
                ))),
            },
            Value::Instance(i) => match i.class.lookup("__call__") {
                Some(c) => {
                    args.pos.insert(0, f.clone());
                    self.call_value(&c, args)
                }
                None => Err(exc::type_error(format!(
                    "'{}' object is not callable",
                    i.class.name
                ))),
            },
            other => Err(exc::type_error(format!(
                "'{}' object is not callable",
                other.type_name()
            ))),
        }
    }

    /// Instantiate a class: exceptions keep their args; `__init__` is called if defined.
    pub fn instantiate(&mut self, c: &Arc<Class>, args: Args) -> PyResult<Value> {
        let inst = Instance::new(c.clone());
        let is_exc = c.is_exception();
        if is_exc {
            inst.set("args", Value::tuple(args.pos.clone()));
        }
        let v = Value::Instance(inst);
        match c.lookup("__init__") {
            Some(init) => {
                let mut a = args;
                a.pos.insert(0, v.clone());
                let r = self.call_value(&init, a)?;
                if !r.is_none() {
                    return Err(exc::type_error(format!(
                        "__init__() should return None, not '{}'",
                        r.type_name()
                    )));
                }
            }
            None => {
                if !is_exc && (!args.pos.is_empty() || !args.kw.is_empty()) {
                    return Err(exc::type_error(format!("{}() takes no arguments", c.name)));
                }
            }
        }
        Ok(v)
    }

    /// Call a user function: bind arguments, run the body with a recursion guard.
    pub fn call_function(&mut self, f: &Arc<Function>, args: Args) -> PyResult<Value> {
        let locals = self.bind(f, args)?;
        self.call_with_locals(f, locals)
    }

    /// Run a function whose parameters are already bound into its local slots.
    pub(crate) fn call_with_locals(
        &mut self,
        f: &Arc<Function>,
        locals: Vec<Option<Value>>,
    ) -> PyResult<Value> {
        if self.depth >= RECURSION_LIMIT {
            return Err(exc::new(
                "RecursionError",
                "maximum recursion depth exceeded",
            ));
        }
        self.depth += 1;
        // The native stack is checked every fourth dialect call: a call level
        // takes a few KiB, far inside the 1 MiB red zone.
        let r = if self.depth.is_multiple_of(4) {
            stacker::maybe_grow(1 << 20, 16 << 20, || self.run_function(f, locals))
        } else {
            self.run_function(f, locals)
        };
        self.depth -= 1;
        r
    }

    fn run_function(&mut self, f: &Arc<Function>, locals: Vec<Option<Value>>) -> PyResult<Value> {
        let code = &*f.code;
        let mut cells: Vec<Arc<Cell>> = Vec::with_capacity(code.ncells + f.closure.len());
        let mut frame_locals = locals;
        if code.ncells > 0 {
            for _ in 0..code.ncells {
                cells.push(Cell::new(None));
            }
            for (l, c) in &code.cell_params {
                *cells[*c as usize].0.write() = frame_locals[*l as usize].take();
            }
        }
        cells.extend(f.closure.iter().cloned());
        let mut frame = Frame {
            locals: frame_locals,
            cells,
            globals: &f.globals,
            code,
            ns: None,
            yields: None,
            is_func: true,
        };
        if code.is_generator {
            frame.yields = Some(Vec::new());
        }
        let r = match &code.body[..] {
            // A body that is one `return expr` (lambdas, small helpers, recursive
            // one-liners) is evaluated without the statement loop and the
            // `Ctrl::Return` round trip.
            [Stmt {
                kind: StmtKind::Return(Some(e)),
                line,
            }] if !code.is_generator => match self.eval(&mut frame, e) {
                Ok(v) => Err(Ctrl::Return(v)),
                Err(mut err) => {
                    record(&mut err, &frame, *line);
                    Err(Ctrl::Exc(err))
                }
            },
            body => self.exec_block(&mut frame, body),
        };
        // Recycle the locals vector (saves an allocation per call).
        if self.pool.len() < 256 {
            let mut l = std::mem::take(&mut frame.locals);
            l.clear();
            self.pool.push(l);
        }
        match r {
            Ok(()) | Err(Ctrl::Return(_)) if code.is_generator => {
                Ok(Value::iter_of(frame.yields.take().unwrap_or_default()))
            }
            Ok(()) => Ok(Value::None),
            Err(Ctrl::Return(v)) => Ok(v),
            Err(Ctrl::Exc(mut e)) => {
                if !e.frame_done {
                    let line = code.body.first().map(|s| s.line).unwrap_or(1);
                    record(&mut e, &frame, line);
                }
                e.frame_done = false;
                Err(e)
            }
            Err(_) => Err(exc::new("SyntaxError", "'break' outside loop")),
        }
    }

    fn bind(&mut self, f: &Function, mut args: Args) -> PyResult<Vec<Option<Value>>> {
        let code = &*f.code;
        let np = code.params.len();
        let mut locals: Vec<Option<Value>> = Vec::with_capacity(code.nlocals);
        // Fast path: exactly the positional parameters, nothing else.
        if args.kw.is_empty() && args.pos.len() == code.npos && np == code.npos {
            locals.extend(args.pos.into_iter().map(Some));
            locals.resize(code.nlocals, None);
            return Ok(locals);
        }
        locals.resize(code.nlocals, None);
        let fname = &code.name;
        let npos = code.npos;
        let var_i = code.params.iter().position(|p| p.1 == ParamKind::VarArgs);
        let kw_i = code.params.iter().position(|p| p.1 == ParamKind::VarKw);
        let mut extra = Vec::new();
        let given = args.pos.len();
        for (i, a) in args.pos.drain(..).enumerate() {
            if i < npos {
                locals[i] = Some(a);
            } else if var_i.is_some() {
                extra.push(a);
            } else {
                let ndef = f.defaults.len();
                let takes = if ndef > 0 {
                    format!("from {} to {} positional arguments", npos - ndef, npos)
                } else {
                    plural(npos, "positional argument")
                };
                return Err(exc::type_error(format!(
                    "{fname}() takes {takes} but {given} {} given",
                    if given == 1 { "was" } else { "were" }
                )));
            }
        }
        let mut kwd = kw_i.map(|_| new_dict());
        for (k, v) in args.kw.drain(..) {
            let idx = code.params.iter().position(|(n, kind)| {
                **n == *k && matches!(kind, ParamKind::Positional | ParamKind::KwOnly)
            });
            match idx {
                Some(i) => {
                    if locals[i].is_some() {
                        return Err(exc::type_error(format!(
                            "{fname}() got multiple values for argument '{k}'"
                        )));
                    }
                    locals[i] = Some(v);
                }
                None => match &mut kwd {
                    Some(d) => {
                        d.insert(HashKey::Str(k.clone()), (Value::Str(k), v));
                    }
                    None => {
                        return Err(exc::type_error(format!(
                            "{fname}() got an unexpected keyword argument '{k}'"
                        )))
                    }
                },
            }
        }
        let first_def = npos - f.defaults.len();
        let mut missing = Vec::new();
        for (i, slot) in locals.iter_mut().enumerate().take(npos) {
            if slot.is_none() {
                if i >= first_def {
                    *slot = Some(f.defaults[i - first_def].clone());
                } else {
                    missing.push(code.params[i].0.to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(exc::type_error(format!(
                "{fname}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                names_list(&missing)
            )));
        }
        for (i, (n, kind)) in code.params.iter().enumerate() {
            if *kind == ParamKind::KwOnly && locals[i].is_none() {
                match f.kwdefaults.get(i).cloned().flatten() {
                    Some(d) => locals[i] = Some(d),
                    None => missing.push(n.to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(exc::type_error(format!(
                "{fname}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                names_list(&missing)
            )));
        }
        if let Some(i) = var_i {
            locals[i] = Some(Value::tuple(extra));
        }
        if let (Some(i), Some(d)) = (kw_i, kwd) {
            locals[i] = Some(Value::dict(d));
        }
        Ok(locals)
    }
}
