//! Descriptors for class bodies: `property` (with `.setter`) and `classmethod`.

use super::{add_type, Table};
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::value::{Builtin, Object, Value};
use std::any::Any;
use std::sync::Arc;

/// `property(fget, fset)`.
pub struct Property {
    /// Getter.
    pub fget: Value,
    /// Setter, if any.
    pub fset: Option<Value>,
}

/// `classmethod(f)`: binds to the class instead of the instance.
pub struct ClassMethod(pub Value);

impl Object for Property {
    fn type_name(&self) -> String {
        "property".into()
    }
    fn repr(&self) -> String {
        "<property object>".into()
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "setter" => {
                let fget = self.fget.clone();
                Some(Ok(Builtin::value(
                    "setter",
                    "setter(fset)",
                    "Add a setter.",
                    move |_vm, a| {
                        Ok(Value::object(Property {
                            fget: fget.clone(),
                            fset: a.pos.first().cloned(),
                        }))
                    },
                )))
            }
            "fget" => Some(Ok(self.fget.clone())),
            _ => None,
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Object for ClassMethod {
    fn type_name(&self) -> String {
        "classmethod".into()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// If `attr` (found on `cls`) is a descriptor, resolve it for `obj` (an instance, or the
/// class itself); `None` means "not a descriptor, use as is".
pub fn resolve(vm: &mut Vm, attr: &Value, obj: &Value, cls: &Value) -> Option<PyResult<Value>> {
    let Value::Object(o) = attr else {
        return None;
    };
    if let Some(p) = o.as_any().downcast_ref::<Property>() {
        if matches!(obj, Value::Class(_)) {
            return Some(Ok(attr.clone()));
        }
        return Some(vm.call_value(&p.fget, Args::pos(vec![obj.clone()])));
    }
    if let Some(c) = o.as_any().downcast_ref::<ClassMethod>() {
        return Some(Ok(Value::Method(Arc::new((cls.clone(), c.0.clone())))));
    }
    None
}

/// Setter lookup: `Some(result)` when `attr` is a property handling the assignment.
pub fn set(vm: &mut Vm, attr: &Value, obj: &Value, v: Value, name: &str) -> Option<PyResult<()>> {
    let Value::Object(o) = attr else {
        return None;
    };
    let p = o.as_any().downcast_ref::<Property>()?;
    Some(match &p.fset {
        Some(f) => vm
            .call_value(f, Args::pos(vec![obj.clone(), v]))
            .map(|_| ()),
        None => Err(exc::new(
            "AttributeError",
            format!(
                "property '{name}' of '{}' object has no setter",
                obj.type_name()
            ),
        )),
    })
}

pub(super) fn register(t: &mut Table) {
    add_type(
        t,
        "property",
        "property(fget=None, fset=None)",
        "Property attribute.",
        |_vm, a| {
            let fget = a.pos.first().cloned().unwrap_or(Value::None);
            Ok(Value::object(Property {
                fget,
                fset: a.pos.get(1).cloned(),
            }))
        },
    );
    add_type(
        t,
        "classmethod",
        "classmethod(function)",
        "Convert a function to be a class method.",
        |_vm, a| {
            a.exact("classmethod", 1)?;
            Ok(Value::object(ClassMethod(a.pos[0].clone())))
        },
    );
}
