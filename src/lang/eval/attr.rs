//! Attribute access on every kind of value, with CPython's AttributeError messages
//! and "Did you mean" suggestions.

use super::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::methods;
use crate::lang::suggest;
use crate::lang::value::Value;
use arcstr::ArcStr;
use std::sync::Arc;

impl Vm<'_> {
    /// `obj.name`.
    pub fn getattr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        match obj {
            Value::Instance(i) => {
                if let Some(v) = i.get(name) {
                    return Ok(v);
                }
                if let Some(v) = i.class.lookup(name) {
                    if let Some(r) = crate::lang::builtins::descr::resolve(
                        self,
                        &v,
                        obj,
                        &Value::Class(i.class.clone()),
                    ) {
                        return r;
                    }
                    return Ok(match v {
                        Value::Func(_) => Value::Method(Arc::new((obj.clone(), v))),
                        other => other,
                    });
                }
                match name {
                    "__class__" => return Ok(Value::Class(i.class.clone())),
                    "__dict__" => {
                        let mut d = crate::lang::value::dict::new_dict();
                        for (k, v) in i.attrs.read().iter() {
                            d.insert(
                                crate::lang::value::HashKey::Str(k.clone()),
                                (Value::Str(k.clone()), v.clone()),
                            );
                        }
                        return Ok(Value::dict(d));
                    }
                    _ => {}
                }
                if let Some(ga) = i.class.lookup("__getattr__") {
                    return self.call_value(&ga, Args::pos(vec![obj.clone(), Value::str(name)]));
                }
                let mut cands: Vec<String> = i.attrs.read().keys().map(|k| k.to_string()).collect();
                cands.extend(i.class.all_names());
                Err(attr_error(
                    format!("'{}' object has no attribute '{name}'", i.class.name),
                    name,
                    &cands,
                ))
            }
            Value::Class(c) => {
                if let Some(v) = c.lookup(name) {
                    if let Some(r) = crate::lang::builtins::descr::resolve(self, &v, obj, obj) {
                        return r;
                    }
                    return Ok(v);
                }
                match name {
                    "__name__" => Ok(Value::Str(c.name.clone())),
                    "__qualname__" => Ok(Value::Str(c.name.clone())),
                    "__module__" => Ok(Value::Str(c.module.clone())),
                    "__doc__" => Ok(Value::None),
                    "__bases__" => Ok(Value::tuple(
                        c.bases.iter().map(|b| Value::Class(b.clone())).collect(),
                    )),
                    _ => Err(attr_error(
                        format!("type object '{}' has no attribute '{name}'", c.name),
                        name,
                        &c.all_names(),
                    )),
                }
            }
            Value::Module(m) => match m.get(name) {
                Some(v) => Ok(v),
                None => match name {
                    "__name__" => Ok(Value::Str(m.name.clone())),
                    "__doc__" => Ok(Value::Str(m.doc.clone())),
                    _ => {
                        let cands: Vec<String> =
                            m.attrs.read().keys().map(|k| k.to_string()).collect();
                        Err(attr_error(
                            format!("module '{}' has no attribute '{name}'", m.name),
                            name,
                            &cands,
                        ))
                    }
                },
            },
            Value::Func(f) => match name {
                "__name__" | "__qualname__" => Ok(Value::Str(f.code.name.clone())),
                "__doc__" => Ok(f.code.doc.clone().map(Value::Str).unwrap_or(Value::None)),
                "__module__" => Ok(Value::str("__main__")),
                _ => match f.attrs.read().get(name) {
                    Some(v) => Ok(v.clone()),
                    None => Err(attr_error(
                        format!("'function' object has no attribute '{name}'"),
                        name,
                        &["__name__".to_string(), "__doc__".to_string()],
                    )),
                },
            },
            Value::Builtin(b) => match name {
                "__name__" | "__qualname__" => Ok(Value::Str(b.name.clone())),
                "__doc__" => Ok(Value::Str(b.doc.clone())),
                _ => match methods::lookup(obj, name) {
                    Some(m) => Ok(m),
                    None => Err(exc::new(
                        "AttributeError",
                        format!(
                            "'{}' object has no attribute '{name}'",
                            if b.is_type {
                                "type"
                            } else {
                                "builtin_function_or_method"
                            }
                        ),
                    )),
                },
            },
            Value::Method(m) => match name {
                "__self__" => Ok(m.0.clone()),
                "__func__" => Ok(m.1.clone()),
                _ => self.getattr(&m.1.clone(), name),
            },
            Value::Object(o) => {
                let o = o.clone();
                match o.getattr(self, name) {
                    Some(r) => r,
                    None => Err(attr_error(
                        format!("'{}' object has no attribute '{name}'", o.type_name()),
                        name,
                        &o.dir(),
                    )),
                }
            }
            other => {
                if let Some(m) = methods::lookup(other, name) {
                    return Ok(Value::Method(Arc::new((other.clone(), m))));
                }
                if let Some(v) = methods::property(other, name) {
                    return Ok(v);
                }
                Err(attr_error(
                    format!("'{}' object has no attribute '{name}'", other.type_name()),
                    name,
                    &methods::names(other),
                ))
            }
        }
    }

    /// `obj.name = v`.
    pub fn setattr(&mut self, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        match obj {
            Value::Instance(i) => {
                if let Some(attr) = i.class.lookup(name) {
                    if let Some(r) =
                        crate::lang::builtins::descr::set(self, &attr, obj, v.clone(), name)
                    {
                        return r;
                    }
                }
                if let Some(sa) = i.class.lookup("__setattr__") {
                    self.call_value(&sa, Args::pos(vec![obj.clone(), Value::str(name), v]))?;
                    return Ok(());
                }
                i.set(name, v);
                Ok(())
            }
            Value::Class(c) => {
                c.attrs.write().insert(ArcStr::from(name), v);
                Ok(())
            }
            Value::Func(f) => {
                f.attrs.write().insert(ArcStr::from(name), v);
                Ok(())
            }
            Value::Module(m) => {
                m.set(name, v);
                Ok(())
            }
            Value::Object(o) => {
                let o = o.clone();
                match o.setattr(self, name, v) {
                    Some(r) => r,
                    None => Err(exc::new(
                        "AttributeError",
                        format!("'{}' object has no attribute '{name}'", o.type_name()),
                    )),
                }
            }
            other => Err(exc::new(
                "AttributeError",
                format!("'{}' object has no attribute '{name}'", other.type_name()),
            )),
        }
    }

    /// `del obj.name`.
    pub fn delattr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        let removed = match obj {
            Value::Instance(i) => i.attrs.write().remove(name).is_some(),
            Value::Class(c) => c.attrs.write().shift_remove(name).is_some(),
            Value::Module(m) => m.attrs.write().shift_remove(name).is_some(),
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            Err(exc::new(
                "AttributeError",
                format!("'{}' object has no attribute '{name}'", obj.type_name()),
            ))
        }
    }
}

fn attr_error(msg: String, name: &str, cands: &[String]) -> Box<exc::PyErr> {
    let mut m = msg;
    if let Some(s) = suggest::closest(name, cands) {
        m.push_str(&format!(". Did you mean: '{s}'?"));
    }
    exc::new("AttributeError", m)
}
