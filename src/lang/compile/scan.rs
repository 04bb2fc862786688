//! Scope pre-pass: which names a body binds, declares global/nonlocal, and which names
//! nested functions mention (those locals become closure cells; an over-approximation
//! that only costs a little speed, never correctness).

use ruff_python_ast::visitor::{walk_expr, walk_stmt, Visitor};
use ruff_python_ast::{Expr, ExprContext, Stmt};
use rustc_hash::FxHashSet;

/// What a scope's body binds and declares.
#[derive(Default)]
pub struct ScopeInfo {
    /// Names bound at this level (assignment, def, import, for, with, except).
    pub bound: Vec<String>,
    /// `global` declarations.
    pub globals: FxHashSet<String>,
    /// `nonlocal` declarations.
    pub nonlocals: FxHashSet<String>,
    /// Names mentioned anywhere inside nested functions, lambdas and classes.
    pub nested_refs: FxHashSet<String>,
    /// Comprehension targets whose comprehension contains a lambda (they become cells).
    pub comp_cells: Vec<String>,
}

impl ScopeInfo {
    fn bind(&mut self, n: &str) {
        if !self.bound.iter().any(|b| b == n) {
            self.bound.push(n.to_string());
        }
    }
}

struct Binder<'s> {
    info: &'s mut ScopeInfo,
}

struct HasLambda(bool);

impl<'a> Visitor<'a> for HasLambda {
    fn visit_expr(&mut self, e: &'a Expr) {
        if matches!(e, Expr::Lambda(_)) {
            self.0 = true;
        }
        walk_expr(self, e);
    }
}

struct AllNames<'s> {
    names: &'s mut FxHashSet<String>,
}

impl<'a> Visitor<'a> for AllNames<'_> {
    fn visit_expr(&mut self, e: &'a Expr) {
        if let Expr::Name(n) = e {
            self.names.insert(n.id.to_string());
        }
        walk_expr(self, e);
    }
    fn visit_stmt(&mut self, s: &'a Stmt) {
        if let Stmt::Nonlocal(n) = s {
            for id in &n.names {
                self.names.insert(id.id.to_string());
            }
        }
        walk_stmt(self, s);
    }
}

impl<'a> Binder<'_> {
    /// Comprehension targets are their own scope: visit everything but the targets.
    fn comp(&mut self, gens: &'a [ruff_python_ast::Comprehension], elts: &[&'a Expr]) {
        let mut lam = HasLambda(false);
        for e in elts {
            lam.visit_expr(e);
        }
        for g in gens {
            for i in &g.ifs {
                lam.visit_expr(i);
            }
        }
        if lam.0 {
            for g in gens {
                let mut names = FxHashSet::default();
                AllNames { names: &mut names }.visit_expr(&g.target);
                for n in names {
                    if !self.info.comp_cells.contains(&n) {
                        self.info.comp_cells.push(n);
                    }
                }
            }
        }
        for g in gens {
            self.visit_expr(&g.iter);
            for i in &g.ifs {
                self.visit_expr(i);
            }
        }
        for e in elts {
            self.visit_expr(e);
        }
    }
}

impl<'a> Visitor<'a> for Binder<'_> {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        match s {
            Stmt::FunctionDef(f) => {
                self.info.bind(&f.name.id);
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression);
                }
                for p in f.parameters.iter_non_variadic_params() {
                    if let Some(d) = &p.default {
                        self.visit_expr(d);
                    }
                }
                let mut all = AllNames {
                    names: &mut self.info.nested_refs,
                };
                all.visit_body(&f.body);
            }
            Stmt::ClassDef(c) => {
                self.info.bind(&c.name.id);
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression);
                }
                if let Some(a) = &c.arguments {
                    for x in a.args.iter() {
                        self.visit_expr(x);
                    }
                }
                let mut all = AllNames {
                    names: &mut self.info.nested_refs,
                };
                all.visit_body(&c.body);
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.info.globals.insert(n.id.to_string());
                }
            }
            Stmt::Nonlocal(g) => {
                for n in &g.names {
                    self.info.nonlocals.insert(n.id.to_string());
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let n = match &a.asname {
                        Some(x) => x.id.to_string(),
                        None => a.name.id.split('.').next().unwrap_or("").to_string(),
                    };
                    self.info.bind(&n);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    let n = a.asname.as_ref().unwrap_or(&a.name);
                    if &*n.id != "*" {
                        self.info.bind(&n.id);
                    }
                }
            }
            Stmt::Try(t) => {
                for h in &t.handlers {
                    let ruff_python_ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(n) = &h.name {
                        self.info.bind(&n.id);
                    }
                }
                walk_stmt(self, s);
            }
            _ => walk_stmt(self, s),
        }
    }

    fn visit_expr(&mut self, e: &'a Expr) {
        match e {
            Expr::Name(n) => {
                if matches!(n.ctx, ExprContext::Store | ExprContext::Del) {
                    self.info.bind(&n.id);
                }
            }
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    for p in p.iter_non_variadic_params() {
                        if let Some(d) = &p.default {
                            self.visit_expr(d);
                        }
                    }
                }
                let mut all = AllNames {
                    names: &mut self.info.nested_refs,
                };
                all.visit_expr(&l.body);
            }
            Expr::ListComp(c) => self.comp(&c.generators, &[&c.elt]),
            Expr::SetComp(c) => self.comp(&c.generators, &[&c.elt]),
            Expr::Generator(c) => self.comp(&c.generators, &[&c.elt]),
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.comp(&c.generators, &[k, &c.value]),
                None => self.comp(&c.generators, &[&c.value]),
            },
            Expr::Named(n) => {
                if let Expr::Name(t) = &*n.target {
                    self.info.bind(&t.id);
                }
                self.visit_expr(&n.value);
            }
            _ => walk_expr(self, e),
        }
    }
}

/// Scan a function/module/class body.
pub fn scan(body: &[Stmt]) -> ScopeInfo {
    let mut info = ScopeInfo::default();
    let mut b = Binder { info: &mut info };
    b.visit_body(body);
    info
}

/// Scan a lambda body (an expression).
pub fn scan_expr(e: &Expr) -> ScopeInfo {
    let mut info = ScopeInfo::default();
    let mut b = Binder { info: &mut info };
    b.visit_expr(e);
    info
}
