//! Object-model builtins: len, type, isinstance, repr, hash, id, attributes, dir, help.

use super::{add, add_type, lookup, Table};
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::value::{Class, HashKey, Value};
use arcstr::ArcStr;
use std::sync::Arc;

/// `len(v)`.
pub fn len_of(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(match v {
        Value::Str(s) => s.chars().count() as i64,
        Value::List(l) => l.read().len() as i64,
        Value::Tuple(t) => t.len() as i64,
        Value::Dict(d) => d.read().len() as i64,
        Value::Set(s) => s.read().len() as i64,
        Value::Range(r) => super::range_len(r),
        Value::Instance(i) if i.class.lookup("__len__").is_some() => {
            let f = i.class.lookup("__len__").expect("checked");
            match vm.call_value(&f, Args::pos(vec![v.clone()]))? {
                Value::Int(n) if n >= 0 => n,
                Value::Int(_) => return Err(exc::value_error("__len__() should return >= 0")),
                other => {
                    return Err(exc::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        other.type_name()
                    )))
                }
            }
        }
        Value::Object(o) if o.len().is_some() => o.len().unwrap_or(0) as i64,
        other => {
            return Err(exc::type_error(format!(
                "object of type '{}' has no len()",
                other.type_name()
            )))
        }
    })
}

/// `type(v)` as a value.
pub fn type_of(v: &Value) -> Value {
    match v {
        Value::Instance(i) => Value::Class(i.class.clone()),
        Value::Class(c) if !c.builtin || c.is_exception() => lookup("type").unwrap_or(Value::None),
        other => {
            let n = other.type_name();
            match lookup(&n) {
                Some(t @ Value::Builtin(_)) => t,
                _ => crate::lang::value::Builtin::type_value(
                    &n,
                    &format!("{n}()"),
                    "",
                    move |_, _| Err(exc::type_error("cannot create instances of this type")),
                ),
            }
        }
    }
}

/// `isinstance(v, t)` for one type.
pub fn is_instance(v: &Value, t: &Value) -> PyResult<bool> {
    Ok(match t {
        Value::Class(c) => match v {
            Value::Instance(i) => i.class.is_subclass(c),
            _ => false,
        },
        Value::Builtin(b) if b.is_type => {
            let tn = v.type_name();
            match &*b.name {
                "object" => true,
                "int" => matches!(v, Value::Int(_) | Value::Bool(_)),
                "type" => {
                    matches!(v, Value::Class(_)) || matches!(v, Value::Builtin(x) if x.is_type)
                }
                n => n == tn,
            }
        }
        Value::Tuple(ts) => {
            for x in ts.iter() {
                if is_instance(v, x)? {
                    return Ok(true);
                }
            }
            false
        }
        other => {
            return Err(exc::type_error(format!(
                "isinstance() arg 2 must be a type, a tuple of types, or a union, not {}",
                other.type_name()
            )))
        }
    })
}

/// Attribute names of a value for `dir()` and completion.
pub fn dir_of(v: &Value) -> Vec<String> {
    let mut names: Vec<String> = match v {
        Value::Module(m) => m.attrs.read().keys().map(|k| k.to_string()).collect(),
        Value::Instance(i) => {
            let mut n: Vec<String> = i.attrs.read().keys().map(|k| k.to_string()).collect();
            n.extend(i.class.all_names());
            n
        }
        Value::Class(c) => c.all_names(),
        Value::Object(o) => o.dir(),
        other => crate::lang::methods::names(other),
    };
    names.sort();
    names.dedup();
    names
}

fn class_check(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let _ = vm;
    Ok(match (a, b) {
        (Value::Class(x), Value::Class(y)) => x.is_subclass(y),
        (Value::Class(_), Value::Builtin(b)) => &*b.name == "object",
        (Value::Builtin(x), Value::Builtin(y)) => {
            x.name == y.name || &*y.name == "object" || (&*x.name == "bool" && &*y.name == "int")
        }
        (_, Value::Tuple(ts)) => {
            for t in ts.iter() {
                if class_check(vm, a, t)? {
                    return Ok(true);
                }
            }
            false
        }
        _ => return Err(exc::type_error("issubclass() arg 1 must be a class")),
    })
}

pub(super) fn register(t: &mut Table) {
    add(
        t,
        "len",
        "len(obj, /)",
        "Return the number of items in a container.",
        |vm, a| {
            a.exact("len", 1)?;
            Ok(Value::Int(len_of(vm, &a.pos[0])?))
        },
    );
    add_type(
        t,
        "type",
        "type(object)",
        "type(object) -> the object's type",
        |vm, a| {
            if a.pos.len() == 3 {
                let name = vm.str(&a.pos[0])?;
                let bases = match &a.pos[1] {
                    Value::Tuple(b) => b
                        .iter()
                        .filter_map(|x| match x {
                            Value::Class(c) => Some(c.clone()),
                            _ => None,
                        })
                        .collect(),
                    _ => vec![],
                };
                let c = Class::new(&name, bases, false, "__main__");
                if let Value::Dict(d) = &a.pos[2] {
                    for (k, v) in d.read().values() {
                        if let Value::Str(k) = k {
                            c.attrs.write().insert(k.clone(), v.clone());
                        }
                    }
                }
                return Ok(Value::Class(c));
            }
            a.exact("type", 1)?;
            Ok(type_of(&a.pos[0]))
        },
    );
    add(
        t,
        "isinstance",
        "isinstance(obj, class_or_tuple, /)",
        "Return whether an object is an instance of a class or of a subclass thereof.",
        |_vm, a| {
            a.exact("isinstance", 2)?;
            Ok(Value::Bool(is_instance(&a.pos[0], &a.pos[1])?))
        },
    );
    add(
        t,
        "issubclass",
        "issubclass(cls, class_or_tuple, /)",
        "Return whether 'cls' is derived from another class or is the same class.",
        |vm, a| {
            a.exact("issubclass", 2)?;
            Ok(Value::Bool(class_check(vm, &a.pos[0], &a.pos[1])?))
        },
    );
    add(
        t,
        "repr",
        "repr(obj, /)",
        "Return the canonical string representation of the object.",
        |vm, a| {
            a.exact("repr", 1)?;
            Ok(Value::str(&vm.repr(&a.pos[0])?))
        },
    );
    add(
        t,
        "ascii",
        "ascii(obj, /)",
        "Return an ASCII-only representation of an object.",
        |vm, a| {
            a.exact("ascii", 1)?;
            let r = vm.repr(&a.pos[0])?;
            let mut s = String::new();
            for c in r.chars() {
                if c.is_ascii() {
                    s.push(c);
                } else if (c as u32) < 0x100 {
                    s.push_str(&format!("\\x{:02x}", c as u32));
                } else if (c as u32) < 0x10000 {
                    s.push_str(&format!("\\u{:04x}", c as u32));
                } else {
                    s.push_str(&format!("\\U{:08x}", c as u32));
                }
            }
            Ok(Value::str(&s))
        },
    );
    add(
        t,
        "hash",
        "hash(obj, /)",
        "Return the hash value for the given object.",
        |vm, a| {
            a.exact("hash", 1)?;
            let k = vm.hash_key(&a.pos[0])?;
            Ok(Value::Int(HashKey::hash_value(&k)))
        },
    );
    add(
        t,
        "id",
        "id(obj, /)",
        "Return the identity of an object.",
        |_vm, a| {
            a.exact("id", 1)?;
            let v = &a.pos[0];
            Ok(Value::Int(match v.ptr_id() {
                Some(p) => p as i64,
                None => match v {
                    Value::Int(i) => *i ^ 0x5a5a_0000,
                    Value::None => 1,
                    Value::Bool(b) => 2 + *b as i64,
                    _ => 3,
                },
            }))
        },
    );
    add(
        t,
        "vars",
        "vars(object)",
        "Return the __dict__ attribute of an object.",
        |vm, a| {
            a.exact("vars", 1)?;
            vm.getattr(&a.pos[0], "__dict__")
        },
    );
    add(
        t,
        "callable",
        "callable(obj, /)",
        "Return whether the object is callable.",
        |_vm, a| {
            a.exact("callable", 1)?;
            Ok(Value::Bool(a.pos[0].is_callable()))
        },
    );
    add(
        t,
        "getattr",
        "getattr(object, name[, default])",
        "Get a named attribute from an object; getattr(x, 'y') is equivalent to x.y.",
        |vm, a| {
            if a.pos.len() < 2 || a.pos.len() > 3 {
                return Err(exc::type_error(format!(
                    "getattr expected 2 or 3 arguments, got {}",
                    a.pos.len()
                )));
            }
            let name = match &a.pos[1] {
                Value::Str(s) => s.clone(),
                _ => return Err(exc::type_error("attribute name must be string")),
            };
            match vm.getattr(&a.pos[0], &name) {
                Ok(v) => Ok(v),
                Err(e) if a.pos.len() == 3 && e.is("AttributeError") => Ok(a.pos[2].clone()),
                Err(e) => Err(e),
            }
        },
    );
    add(
        t,
        "hasattr",
        "hasattr(obj, name, /)",
        "Return whether the object has an attribute with the given name.",
        |vm, a| {
            a.exact("hasattr", 2)?;
            let name = match &a.pos[1] {
                Value::Str(s) => s.clone(),
                _ => return Err(exc::type_error("attribute name must be string")),
            };
            match vm.getattr(&a.pos[0], &name) {
                Ok(_) => Ok(Value::Bool(true)),
                Err(e) if e.is("AttributeError") => Ok(Value::Bool(false)),
                Err(e) => Err(e),
            }
        },
    );
    add(
        t,
        "setattr",
        "setattr(obj, name, value, /)",
        "Sets the named attribute on the given object to the specified value.",
        |vm, a| {
            a.exact("setattr", 3)?;
            let name = vm.str(&a.pos[1])?;
            vm.setattr(&a.pos[0], &name, a.pos[2].clone())?;
            Ok(Value::None)
        },
    );
    add(
        t,
        "delattr",
        "delattr(obj, name, /)",
        "Deletes the named attribute from the given object.",
        |vm, a| {
            a.exact("delattr", 2)?;
            let name = vm.str(&a.pos[1])?;
            vm.delattr(&a.pos[0], &name)?;
            Ok(Value::None)
        },
    );
    add(
        t,
        "dir",
        "dir([object])",
        "Show attributes of an object.",
        |_vm, a| {
            let v = a.pos.first().cloned().unwrap_or(Value::None);
            Ok(Value::list(
                dir_of(&v).into_iter().map(|s| Value::str(&s)).collect(),
            ))
        },
    );
    add(
        t,
        "help",
        "help(obj)",
        "Show the signature and docstring of an object.",
        |vm, a| {
            let v = a.pos.first().cloned().unwrap_or(Value::None);
            let text = crate::lang::inspect::describe(&v, 1);
            vm.ctx.out.stream(
                crate::lang::output::StreamName::Stdout,
                &format!("{text}\n"),
            );
            Ok(Value::None)
        },
    );
    add_type(
        t,
        "object",
        "object()",
        "The base class of the class hierarchy.",
        |_vm, _a| {
            Ok(Value::Instance(crate::lang::value::Instance::new(
                Class::new("object", vec![], true, "builtins"),
            )))
        },
    );
    add(
        t,
        "super",
        "super()",
        "Proxy delegating method calls to the base classes of the current class.",
        |_vm, a| match (a.pos.first(), a.pos.get(1)) {
            (Some(Value::Class(c)), Some(obj)) => Ok(Value::object(SuperProxy {
                class: c.clone(),
                obj: obj.clone(),
            })),
            _ => Err(exc::new(
                "RuntimeError",
                "super(): no arguments (use it inside a method)",
            )),
        },
    );
    add(
        t,
        "staticmethod",
        "staticmethod(function)",
        "Returns the function unchanged (no implicit self).",
        |_vm, a| {
            a.exact("staticmethod", 1)?;
            Ok(Value::Builtin(Arc::new(crate::lang::value::Builtin {
                name: ArcStr::from("staticmethod"),
                f: {
                    let f = a.pos[0].clone();
                    Arc::new(move |vm: &mut Vm, args: Args| vm.call_value(&f, args))
                },
                sig: ArcStr::from("(*args, **kwargs)"),
                doc: ArcStr::from(""),
                is_type: false,
            })))
        },
    );
}

/// What `super()` returns: attribute lookup starts after `class` in `obj`'s bases.
struct SuperProxy {
    class: Arc<Class>,
    obj: Value,
}

impl crate::lang::value::Object for SuperProxy {
    fn type_name(&self) -> String {
        "super".into()
    }
    fn repr(&self) -> String {
        format!(
            "<super: <class '{}'>, <{} object>>",
            self.class.name,
            self.obj.type_name()
        )
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        for b in &self.class.bases {
            if let Some(v) = b.lookup(name) {
                return Some(Ok(match v {
                    Value::Func(_) => Value::Method(Arc::new((self.obj.clone(), v))),
                    other => other,
                }));
            }
        }
        if name == "__init__" {
            // object.__init__ (or an exception's) accepts the call and does nothing.
            let obj = self.obj.clone();
            return Some(Ok(crate::lang::value::Builtin::value(
                "__init__",
                "(*args)",
                "",
                move |_vm, a| {
                    if let Value::Instance(i) = &obj {
                        if i.class.is_exception() {
                            i.set("args", Value::tuple(a.pos));
                        }
                    }
                    Ok(Value::None)
                },
            )));
        }
        None
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
