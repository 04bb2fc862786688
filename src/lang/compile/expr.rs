//! Expressions, assignment targets and f-strings.

use super::{CResult, Compiler, FBody, Res};
use crate::lang::ir::{Arg, BinOp, CmpOp, CompFor, CompKind, Expr, FPart, Target, UnOp};
use crate::lang::value::Value;
use arcstr::ArcStr;
use ruff_python_ast as ast;
use ruff_text_size::Ranged;

/// Deepest expression nesting accepted by the compiler.
const MAX_EXPR_DEPTH: usize = 400;

pub(super) fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::Div,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::BitOr,
        O::BitXor => BinOp::BitXor,
        O::BitAnd => BinOp::BitAnd,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

pub(super) fn true_const() -> Expr {
    Expr::Const(Value::Bool(true))
}

fn cmpop(op: ast::CmpOp) -> CmpOp {
    use ast::CmpOp as C;
    match op {
        C::Eq => CmpOp::Eq,
        C::NotEq => CmpOp::Ne,
        C::Lt => CmpOp::Lt,
        C::LtE => CmpOp::Le,
        C::Gt => CmpOp::Gt,
        C::GtE => CmpOp::Ge,
        C::Is => CmpOp::Is,
        C::IsNot => CmpOp::IsNot,
        C::In => CmpOp::In,
        C::NotIn => CmpOp::NotIn,
    }
}

impl Compiler<'_> {
    fn exprs(&mut self, es: &[ast::Expr]) -> CResult<Vec<Expr>> {
        es.iter().map(|e| self.expr(e)).collect()
    }

    fn opt(&mut self, e: &Option<Box<ast::Expr>>) -> CResult<Option<Expr>> {
        Ok(match e {
            Some(e) => Some(self.expr(e)?),
            None => None,
        })
    }

    /// Compile an expression (nesting is capped so evaluation cannot exhaust the stack).
    pub(crate) fn expr(&mut self, e: &ast::Expr) -> CResult<Expr> {
        self.depth += 1;
        if self.depth > MAX_EXPR_DEPTH {
            self.depth = 0;
            return Err(self.syntax("expression nested too deeply", e.start()));
        }
        let r = self.expr_inner(e);
        self.depth = self.depth.saturating_sub(1);
        r
    }

    fn expr_inner(&mut self, e: &ast::Expr) -> CResult<Expr> {
        use ast::Expr as E;
        Ok(match e {
            E::NumberLiteral(n) => Expr::Const(match &n.value {
                ast::Number::Int(i) => match i.as_i64() {
                    Some(v) => Value::Int(v),
                    None => {
                        return Err(self.unsupported("integers beyond 64 bits", e));
                    }
                },
                ast::Number::Float(f) => Value::Float(*f),
                ast::Number::Complex { real, imag } => {
                    crate::lang::complexnum::PyComplex::value(*real, *imag)
                }
            }),
            E::StringLiteral(s) => Expr::Const(Value::str(s.value.to_str())),
            E::BooleanLiteral(b) => Expr::Const(Value::Bool(b.value)),
            E::NoneLiteral(_) => Expr::Const(Value::None),
            E::EllipsisLiteral(_) => Expr::Const(Value::Ellipsis),
            E::BytesLiteral(_) => return Err(self.unsupported("bytes literals", e)),
            E::TString(_) => return Err(self.unsupported("t-strings", e)),
            E::Name(n) => match self.resolve(&n.id) {
                Res::Local(i) => Expr::Local(i),
                Res::Cell(i) => Expr::Cell(i, ArcStr::from(n.id.as_str())),
                Res::Global(i) => Expr::Global(i, ArcStr::from(n.id.as_str())),
                Res::Ns(i) => Expr::Ns(ArcStr::from(n.id.as_str()), i),
            },
            E::List(l) => Expr::List(self.exprs(&l.elts)?),
            E::Tuple(t) => Expr::Tuple(self.exprs(&t.elts)?),
            E::Set(s) => Expr::Set(self.exprs(&s.elts)?),
            E::Dict(d) => {
                let mut items = Vec::new();
                for it in &d.items {
                    let k = match &it.key {
                        Some(k) => Some(self.expr(k)?),
                        None => None,
                    };
                    items.push((k, self.expr(&it.value)?));
                }
                Expr::Dict(items)
            }
            E::Starred(s) => Expr::Starred(Box::new(self.expr(&s.value)?)),
            E::BinOp(b) => Expr::Bin(
                Box::new(self.expr(&b.left)?),
                binop(b.op),
                Box::new(self.expr(&b.right)?),
            ),
            E::UnaryOp(u) => {
                let op = match u.op {
                    ast::UnaryOp::Not => UnOp::Not,
                    ast::UnaryOp::USub => UnOp::Neg,
                    ast::UnaryOp::UAdd => UnOp::Pos,
                    ast::UnaryOp::Invert => UnOp::Invert,
                };
                // Fold negative literals so `-9223372036854775808` works.
                if let (UnOp::Neg, E::NumberLiteral(n)) = (op, &*u.operand) {
                    if let ast::Number::Int(i) = &n.value {
                        if i.to_string() == "9223372036854775808" {
                            return Ok(Expr::Const(Value::Int(i64::MIN)));
                        }
                    }
                }
                Expr::Unary(op, Box::new(self.expr(&u.operand)?))
            }
            E::BoolOp(b) => {
                let vs = self.exprs(&b.values)?;
                match b.op {
                    ast::BoolOp::And => Expr::And(vs),
                    ast::BoolOp::Or => Expr::Or(vs),
                }
            }
            E::Compare(c) => {
                let left = self.expr(&c.left)?;
                let mut rest = Vec::new();
                for (op, r) in c.ops.iter().zip(c.comparators.iter()) {
                    rest.push((cmpop(*op), self.expr(r)?));
                }
                Expr::Compare(Box::new(left), rest)
            }
            E::If(i) => Expr::IfExp(Box::new((
                self.expr(&i.test)?,
                self.expr(&i.body)?,
                self.expr(&i.orelse)?,
            ))),
            E::Call(c) => {
                let f = self.expr(&c.func)?;
                let mut args = Vec::new();
                if let (E::Name(n), true) = (
                    &*c.func,
                    c.arguments.args.is_empty() && c.arguments.keywords.is_empty(),
                ) {
                    if &*n.id == "super" {
                        if let Some((cls, me)) = self.super_args() {
                            return Ok(Expr::Call(Box::new(f), vec![Arg::Pos(cls), Arg::Pos(me)]));
                        }
                    }
                }
                for a in c.arguments.args.iter() {
                    match a {
                        E::Starred(s) => args.push(Arg::Star(self.expr(&s.value)?)),
                        other => args.push(Arg::Pos(self.expr(other)?)),
                    }
                }
                for k in c.arguments.keywords.iter() {
                    let v = self.expr(&k.value)?;
                    match &k.arg {
                        Some(n) => args.push(Arg::Kw(ArcStr::from(n.id.as_str()), v)),
                        None => args.push(Arg::KwStar(v)),
                    }
                }
                Expr::Call(Box::new(f), args)
            }
            E::Attribute(a) => Expr::Attr(
                Box::new(self.expr(&a.value)?),
                ArcStr::from(a.attr.id.as_str()),
            ),
            E::Subscript(s) => Expr::Subscript(
                Box::new(self.expr(&s.value)?),
                Box::new(self.expr(&s.slice)?),
            ),
            E::Slice(s) => Expr::Slice(Box::new([
                self.opt(&s.lower)?,
                self.opt(&s.upper)?,
                self.opt(&s.step)?,
            ])),
            E::Lambda(l) => {
                let empty = ast::Parameters::default();
                let params = l.parameters.as_deref().unwrap_or(&empty);
                Expr::Lambda(self.function("<lambda>", params, FBody::Expr(&l.body))?)
            }
            E::ListComp(c) => self.comp(CompKind::List, &c.elt, None, &c.generators)?,
            E::SetComp(c) => self.comp(CompKind::Set, &c.elt, None, &c.generators)?,
            E::Generator(c) => self.comp(CompKind::Gen, &c.elt, None, &c.generators)?,
            E::DictComp(c) => match &c.key {
                Some(k) => self.comp(CompKind::Dict, k, Some(&c.value), &c.generators)?,
                None => return Err(self.unsupported("this dict comprehension", e)),
            },
            E::FString(f) => {
                let mut parts = Vec::new();
                for p in f.value.iter() {
                    match p {
                        ast::FStringPart::Literal(s) => {
                            parts.push(FPart::Lit(ArcStr::from(s.value.as_ref())))
                        }
                        ast::FStringPart::FString(fs) => self.fparts(&fs.elements, &mut parts)?,
                    }
                }
                Expr::FString(parts)
            }
            E::Named(n) => {
                let t = self.target(&n.target)?;
                Expr::Named(Box::new(t), Box::new(self.expr(&n.value)?))
            }
            E::Await(_) => return Err(self.unsupported("await", e)),
            E::Yield(y) => {
                if !self.mark_generator() {
                    return Err(self.syntax("'yield' outside function", e.start()));
                }
                Expr::Yield(match &y.value {
                    Some(v) => Some(Box::new(self.expr(v)?)),
                    None => None,
                })
            }
            E::YieldFrom(y) => {
                if !self.mark_generator() {
                    return Err(self.syntax("'yield' outside function", e.start()));
                }
                Expr::YieldFrom(Box::new(self.expr(&y.value)?))
            }
            E::IpyEscapeCommand(_) => return Err(self.unsupported("IPython escape command", e)),
        })
    }

    fn fparts(
        &mut self,
        els: &[ast::InterpolatedStringElement],
        out: &mut Vec<FPart>,
    ) -> CResult<()> {
        for el in els {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    out.push(FPart::Lit(ArcStr::from(&*l.value)))
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let expr = self.expr(&i.expression)?;
                    let mut spec = Vec::new();
                    if let Some(s) = &i.format_spec {
                        self.fparts(&s.elements, &mut spec)?;
                    }
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => '\0',
                        ast::ConversionFlag::Str => 's',
                        ast::ConversionFlag::Repr => 'r',
                        ast::ConversionFlag::Ascii => 'a',
                    };
                    let debug = i.debug_text.as_ref().map(|d| {
                        ArcStr::from(
                            format!("{}{}{}", d.leading(), d.expression(), d.trailing()).as_str(),
                        )
                    });
                    if debug.is_some() && conv == '\0' && spec.is_empty() {
                        conv = 'r';
                    }
                    out.push(FPart::Fmt {
                        expr,
                        conv,
                        spec,
                        debug,
                    });
                }
            }
        }
        Ok(())
    }

    fn comp(
        &mut self,
        kind: CompKind,
        elt: &ast::Expr,
        val: Option<&ast::Expr>,
        gens: &[ast::Comprehension],
    ) -> CResult<Expr> {
        let mut fors = Vec::new();
        let mut pushed = 0;
        let mut res: CResult<()> = Ok(());
        for g in gens {
            if g.is_async {
                res = Err(self.unsupported("async comprehension", g));
                break;
            }
            // The first iterable is evaluated in the enclosing scope; later ones see targets.
            let iter = match self.expr(&g.iter) {
                Ok(i) => i,
                Err(e) => {
                    res = Err(e);
                    break;
                }
            };
            let mut names = Vec::new();
            collect_names(&g.target, &mut names);
            for n in &names {
                self.comp_local(n);
                pushed += 1;
            }
            let target = match self.target(&g.target) {
                Ok(t) => t,
                Err(e) => {
                    res = Err(e);
                    break;
                }
            };
            let ifs = match self.exprs(&g.ifs) {
                Ok(i) => i,
                Err(e) => {
                    res = Err(e);
                    break;
                }
            };
            fors.push(CompFor { target, iter, ifs });
        }
        let out = res.and_then(|_| {
            let e = self.expr(elt)?;
            let v = match val {
                Some(v) => Some(Box::new(self.expr(v)?)),
                None => None,
            };
            Ok(Expr::Comp(kind, Box::new(e), v, fors))
        });
        self.comp_pop(pushed);
        out
    }

    /// Compile an assignment target.
    pub(crate) fn target(&mut self, e: &ast::Expr) -> CResult<Target> {
        use ast::Expr as E;
        Ok(match e {
            E::Name(n) => self.name_target(&n.id),
            E::Attribute(a) => Target::Attr(self.expr(&a.value)?, ArcStr::from(a.attr.id.as_str())),
            E::Subscript(s) => Target::Subscript(self.expr(&s.value)?, self.expr(&s.slice)?),
            E::Tuple(ast::ExprTuple { elts, .. }) | E::List(ast::ExprList { elts, .. }) => {
                let mut ts = Vec::new();
                let mut star = None;
                for (i, x) in elts.iter().enumerate() {
                    if let E::Starred(s) = x {
                        if star.is_some() {
                            return Err(self
                                .syntax("multiple starred expressions in assignment", x.start()));
                        }
                        star = Some(i);
                        ts.push(self.target(&s.value)?);
                    } else {
                        ts.push(self.target(x)?);
                    }
                }
                Target::Unpack(ts, star)
            }
            E::Starred(_) => {
                return Err(self.syntax(
                    "starred assignment target must be in a list or tuple",
                    e.start(),
                ))
            }
            _ => return Err(self.syntax("cannot assign to expression", e.start())),
        })
    }
}

fn collect_names(e: &ast::Expr, out: &mut Vec<String>) {
    match e {
        ast::Expr::Name(n) => out.push(n.id.to_string()),
        ast::Expr::Tuple(t) => t.elts.iter().for_each(|x| collect_names(x, out)),
        ast::Expr::List(t) => t.elts.iter().for_each(|x| collect_names(x, out)),
        ast::Expr::Starred(s) => collect_names(&s.value, out),
        _ => {}
    }
}
