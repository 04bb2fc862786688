//! The library-object extension point, exercised the way the array/delayed layers will:
//! a native module registered with `register_module`, whose objects implement `Object`.

use super::*;
use crate::lang::ir::BinOp;
use std::any::Any;

/// A toy lazy vector: supports `+ number`, `v[i]`, `len`, `.sum()`, `.shape`, `with`.
struct Toy(Vec<f64>);

impl Object for Toy {
    fn type_name(&self) -> String {
        "Toy".into()
    }
    fn repr(&self) -> String {
        format!("Toy({:?})", self.0)
    }
    fn mime_bundle(&self) -> MimeBundle {
        MimeBundle::plain(self.repr()).with("text/html", "<b>toy</b>")
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let data = self.0.clone();
        match name {
            "shape" => Some(Ok(Value::tuple(vec![Value::Int(self.0.len() as i64)]))),
            "sum" => Some(Ok(Builtin::value(
                "sum",
                "sum()",
                "Sum of elements.",
                move |_vm, _a| Ok(Value::Float(data.iter().sum())),
            ))),
            _ => None,
        }
    }
    fn call_method(&self, _vm: &mut Vm, name: &str, args: &Args) -> Option<PyResult<Value>> {
        match name {
            "scaled" => {
                let k = match args.pos.first() {
                    Some(Value::Int(k)) => *k as f64,
                    _ => return Some(Err(exc::type_error("scaled() needs an int"))),
                };
                Some(Ok(Value::object(Toy(self
                    .0
                    .iter()
                    .map(|x| x * k)
                    .collect()))))
            }
            _ => None,
        }
    }
    fn dir(&self) -> Vec<String> {
        vec!["scaled".into(), "shape".into(), "sum".into()]
    }
    fn binop(&self, _vm: &mut Vm, op: BinOp, other: &Value) -> Option<PyResult<Value>> {
        let k = match other {
            Value::Int(i) => *i as f64,
            Value::Float(f) => *f,
            _ => return None,
        };
        match op {
            BinOp::Add => Some(Ok(Value::object(Toy(self
                .0
                .iter()
                .map(|x| x + k)
                .collect())))),
            _ => None,
        }
    }
    fn rbinop(&self, vm: &mut Vm, op: BinOp, other: &Value) -> Option<PyResult<Value>> {
        self.binop(vm, op, other)
    }
    fn getitem(&self, _vm: &mut Vm, key: &Value) -> Option<PyResult<Value>> {
        match key {
            Value::Int(i) => Some(
                self.0
                    .get(*i as usize)
                    .map(|x| Value::Float(*x))
                    .ok_or_else(|| exc::new("IndexError", "toy index out of range")),
            ),
            _ => None,
        }
    }
    fn len(&self) -> Option<usize> {
        Some(self.0.len())
    }
    fn enter(&self, _vm: &mut Vm) -> Option<PyResult<Value>> {
        Some(Ok(Value::str("entered")))
    }
    fn exit(&self, vm: &mut Vm, exc: Option<&PyErr>) -> PyResult<bool> {
        vm.ctx
            .out
            .stream(StreamName::Stdout, &format!("exit {}\n", exc.is_some()));
        Ok(false)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

#[test]
fn library_objects_plug_in_through_module_registry() {
    register_module("toyarr.core", || {
        let m = Module::new("toyarr.core", "Toy arrays.");
        m.func("ones", "ones(n)", "A toy of n ones.", |_vm, a| {
            let n = match a.pos.first() {
                Some(Value::Int(n)) => *n as usize,
                _ => return Err(exc::type_error("ones() needs an int")),
            };
            Ok(Value::object(Toy(vec![1.0; n])))
        });
        Value::Module(Arc::new(m))
    });
    register_module("toyarr", || {
        Value::Module(Arc::new(Module::new("toyarr", "Toy package.")))
    });
    let out = Arc::new(CapturedOutput::new());
    let ctx = ExecContext {
        out: out.clone(),
        cancel: CancelToken::new(),
    };
    let mut it = Interpreter::new();
    let v = it
        .exec_cell(
            "import toyarr.core as ta\nfrom toyarr.core import ones\nx = ta.ones(3) + 1\ny = 2 + ones(2)\nwith x as r:\n    print(r, len(x), x[0], x.shape, x.sum(), y)\nx",
            "Cell In[1]",
            &ctx,
        )
        .expect("runs")
        .expect("value");
    assert_eq!(
        out.stdout(),
        "entered 3 2.0 (3,) 6.0 Toy([3.0, 3.0])\nexit false\n"
    );
    let b = it.bundle(&v);
    assert_eq!(b.text(), "Toy([2.0, 2.0, 2.0])");
    assert_eq!(
        b.data.get("text/html").map(String::as_str),
        Some("<b>toy</b>")
    );
    let c = it.complete("x.s", 3);
    assert_eq!(c.matches, vec!["scaled", "shape", "sum"]);
    let v = it
        .exec_cell("x.scaled(2)", "Cell In[4]", &ctx)
        .expect("ok")
        .expect("value");
    assert_eq!(it.bundle(&v).text(), "Toy([4.0, 4.0, 4.0])");
    let e = it
        .exec_cell("x * 2", "Cell In[2]", &ctx)
        .expect_err("unsupported");
    assert_eq!(
        e.evalue,
        "unsupported operand type(s) for *: 'Toy' and 'int'"
    );
    let e = it
        .exec_cell("x.nope", "Cell In[3]", &ctx)
        .expect_err("attr");
    assert_eq!(e.ename, "AttributeError");
}
