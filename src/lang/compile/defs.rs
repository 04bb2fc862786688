//! `def`, `lambda` and `class`: scopes for new function/class bodies.

use super::{docstring, scan, CResult, Compiler, FBody, Kind, Scope};
use crate::lang::ir::{ClassDef, Code, FuncDef, ParamKind, Stmt, StmtKind};
use arcstr::ArcStr;
use ruff_python_ast as ast;
use ruff_text_size::Ranged;
use std::sync::Arc;

impl Compiler<'_> {
    /// Compile a function or lambda: defaults in the enclosing scope, body in a new one.
    pub(crate) fn function(
        &mut self,
        name: &str,
        params: &ast::Parameters,
        body: FBody<'_>,
    ) -> CResult<Arc<FuncDef>> {
        let mut defaults = Vec::new();
        let mut kwdefaults = Vec::new();
        let mut plist: Vec<(ArcStr, ParamKind)> = Vec::new();
        let mut sig = Vec::new();
        for p in params.posonlyargs.iter().chain(params.args.iter()) {
            plist.push((
                ArcStr::from(p.parameter.name.id.as_str()),
                ParamKind::Positional,
            ));
            match &p.default {
                Some(d) => {
                    defaults.push(self.expr(d)?);
                    sig.push(format!("{}={}", p.parameter.name.id, &self.src[d.range()]));
                }
                None => sig.push(p.parameter.name.id.to_string()),
            }
        }
        let npos = plist.len();
        if let Some(v) = &params.vararg {
            plist.push((ArcStr::from(v.name.id.as_str()), ParamKind::VarArgs));
            sig.push(format!("*{}", v.name.id));
        } else if !params.kwonlyargs.is_empty() {
            sig.push("*".into());
        }
        for p in params.kwonlyargs.iter() {
            if let Some(d) = &p.default {
                kwdefaults.push((plist.len(), self.expr(d)?));
                sig.push(format!("{}={}", p.parameter.name.id, &self.src[d.range()]));
            } else {
                sig.push(p.parameter.name.id.to_string());
            }
            plist.push((
                ArcStr::from(p.parameter.name.id.as_str()),
                ParamKind::KwOnly,
            ));
        }
        if let Some(v) = &params.kwarg {
            plist.push((ArcStr::from(v.name.id.as_str()), ParamKind::VarKw));
            sig.push(format!("**{}", v.name.id));
        }
        let info = match body {
            FBody::Stmts(b) => scan::scan(b),
            FBody::Expr(e) => scan::scan_expr(e),
        };
        let mut sc = Scope::new(Kind::Function);
        sc.globals = info.globals.clone();
        sc.nonlocals = info.nonlocals.clone();
        let mut cell_params = Vec::new();
        for (n, _) in &plist {
            sc.new_local(n);
        }
        for (i, (n, _)) in plist.iter().enumerate() {
            if info.nested_refs.contains(&**n) {
                let c = sc.ncells;
                sc.ncells += 1;
                sc.cells.insert(n.to_string(), c);
                cell_params.push((i as u32, c));
            } else {
                sc.locals.insert(n.to_string(), i as u32);
            }
        }
        for n in &info.bound {
            if sc.globals.contains(n)
                || sc.nonlocals.contains(n)
                || sc.locals.contains_key(n)
                || sc.cells.contains_key(n)
            {
                continue;
            }
            if info.nested_refs.contains(n) {
                let c = sc.ncells;
                sc.ncells += 1;
                sc.cells.insert(n.clone(), c);
            } else {
                let l = sc.new_local(n);
                sc.locals.insert(n.clone(), l);
            }
        }
        Self::alloc_comp_cells(&mut sc, &info.comp_cells);
        self.scopes.push(sc);
        self.qual.push(name.to_string());
        let (stmts, doc, is_lambda) = match body {
            FBody::Stmts(b) => {
                let doc = docstring(b);
                (self.block(b), doc, false)
            }
            FBody::Expr(e) => {
                let line = self.line(e);
                (
                    self.expr(e).map(|x| {
                        vec![Stmt {
                            line,
                            kind: StmtKind::Return(Some(x)),
                        }]
                    }),
                    None,
                    true,
                )
            }
        };
        self.qual.pop();
        let sc = self.scopes.pop().expect("function scope");
        let stmts = stmts?;
        let code = Code {
            name: ArcStr::from(name),
            params: plist,
            npos,
            nlocals: sc.nlocals as usize,
            ncells: sc.ncells as usize,
            cell_params,
            local_names: sc.local_names,
            body: stmts,
            doc,
            source: self.source.clone(),
            sig: ArcStr::from(format!("({})", sig.join(", ")).as_str()),
            is_lambda,
            is_generator: sc.is_generator,
        };
        Ok(Arc::new(FuncDef {
            code: Arc::new(code),
            defaults,
            kwdefaults,
            captures: sc.captures,
        }))
    }

    pub(super) fn class(&mut self, c: &ast::StmtClassDef) -> CResult<StmtKind> {
        if c.type_params.is_some() {
            return Err(self.unsupported("type parameters", c));
        }
        let decos = c
            .decorator_list
            .iter()
            .map(|d| self.expr(&d.expression))
            .collect::<CResult<Vec<_>>>()?;
        let mut bases = Vec::new();
        if let Some(a) = &c.arguments {
            if !a.keywords.is_empty() {
                return Err(self.unsupported("class keyword arguments (metaclass)", c));
            }
            for b in a.args.iter() {
                bases.push(self.expr(b)?);
            }
        }
        let info = scan::scan(&c.body);
        let mut sc = Scope::new(Kind::Class);
        sc.globals = info.globals.clone();
        sc.class_bound = info.bound.iter().cloned().collect();
        sc.cells.insert("__class__".to_string(), 0);
        sc.ncells = 1;
        Self::alloc_comp_cells(&mut sc, &info.comp_cells);
        self.scopes.push(sc);
        self.qual.push(c.name.id.to_string());
        let body = self.block(&c.body);
        self.qual.pop();
        let sc = self.scopes.pop().expect("class scope");
        let body = body?;
        let code = Code {
            name: ArcStr::from(c.name.id.as_str()),
            params: Vec::new(),
            npos: 0,
            nlocals: sc.nlocals as usize,
            ncells: sc.ncells as usize,
            cell_params: Vec::new(),
            local_names: sc.local_names,
            body,
            doc: docstring(&c.body),
            source: self.source.clone(),
            sig: ArcStr::from("()"),
            is_lambda: false,
            is_generator: false,
        };
        let cd = ClassDef {
            name: ArcStr::from(c.name.id.as_str()),
            bases,
            body: Arc::new(code),
            captures: sc.captures,
        };
        Ok(StmtKind::Class(
            Arc::new(cd),
            decos,
            self.name_target(&c.name.id),
        ))
    }
}
