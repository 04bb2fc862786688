//! Ruff AST → `ir`: resolves every name to a local slot, a closure cell or a global slot,
//! and rejects unsupported syntax with `SyntaxError: <construct> is not supported by Tessera`.

mod defs;
mod expr;
mod scan;

use super::exc::{self, PyErr};
use super::ir::{Code, Source, Stmt, StmtKind, Target};
use super::value::Globals;
use arcstr::ArcStr;
use ruff_python_ast as ast;
use ruff_text_size::{Ranged, TextSize};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

/// A compile error (always a `SyntaxError`).
pub type CResult<T> = Result<T, Box<PyErr>>;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Module,
    Function,
    Class,
}

struct Scope {
    kind: Kind,
    locals: FxHashMap<String, u32>,
    cells: FxHashMap<String, u32>,
    globals: FxHashSet<String>,
    nonlocals: FxHashSet<String>,
    class_bound: FxHashSet<String>,
    captures: Vec<u32>,
    nlocals: u32,
    ncells: u32,
    local_names: Vec<ArcStr>,
    comp: Vec<(String, Res)>,
    comp_cells: FxHashMap<String, u32>,
    is_generator: bool,
}

impl Scope {
    fn new(kind: Kind) -> Scope {
        Scope {
            kind,
            locals: FxHashMap::default(),
            cells: FxHashMap::default(),
            globals: FxHashSet::default(),
            nonlocals: FxHashSet::default(),
            class_bound: FxHashSet::default(),
            captures: Vec::new(),
            nlocals: 0,
            ncells: 0,
            local_names: Vec::new(),
            comp: Vec::new(),
            comp_cells: FxHashMap::default(),
            is_generator: false,
        }
    }
    fn new_local(&mut self, name: &str) -> u32 {
        let i = self.nlocals;
        self.nlocals += 1;
        self.local_names.push(ArcStr::from(name));
        i
    }
}

/// How a name resolves in the current scope.
#[derive(Clone)]
pub(crate) enum Res {
    Local(u32),
    Cell(u32),
    Global(u32),
    Ns(u32),
}

/// Compiles one cell (or expression) against a notebook's globals.
pub struct Compiler<'g> {
    src: &'g str,
    line_starts: Vec<usize>,
    globals: &'g Globals,
    scopes: Vec<Scope>,
    source: Arc<Source>,
    qual: Vec<String>,
    pub(crate) depth: usize,
}

impl<'g> Compiler<'g> {
    /// A compiler for `src`, shown as `name` in tracebacks.
    pub fn new(src: &'g str, name: &str, globals: &'g Globals) -> Compiler<'g> {
        let mut line_starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
            }
        }
        let source = Arc::new(Source {
            name: ArcStr::from(name),
            lines: src.lines().map(str::to_string).collect(),
        });
        Compiler {
            src,
            line_starts,
            globals,
            scopes: vec![Scope::new(Kind::Module)],
            source,
            qual: Vec::new(),
            depth: 0,
        }
    }

    /// 1-based line and 0-based column (in characters) of a byte offset.
    pub fn line_col(&self, off: TextSize) -> (u32, u32) {
        let off = usize::from(off).min(self.src.len());
        let line = match self.line_starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let col = self
            .src
            .get(start..off)
            .map(|t| t.chars().count())
            .unwrap_or(0);
        (line as u32 + 1, col as u32)
    }

    fn line(&self, r: &impl Ranged) -> u32 {
        self.line_col(r.start()).0
    }

    /// `SyntaxError: <what> is not supported by Tessera` at `node`.
    pub(crate) fn unsupported(&self, what: &str, node: &impl Ranged) -> Box<PyErr> {
        self.syntax(&format!("{what} is not supported by Tessera"), node.start())
    }

    pub(crate) fn syntax(&self, msg: &str, at: TextSize) -> Box<PyErr> {
        let (line, col) = self.line_col(at);
        let text = self
            .source
            .lines
            .get(line as usize - 1)
            .cloned()
            .unwrap_or_default();
        exc::syntax_error(msg, &self.source.name, line, col + 1, &text)
    }

    /// Compile a whole cell into module-level code.
    pub fn compile_module(mut self, body: &[ast::Stmt]) -> CResult<Arc<Code>> {
        let info = scan::scan(body);
        for n in &info.bound {
            self.globals.slot(n);
        }
        Self::alloc_comp_cells(self.cur(), &info.comp_cells);
        let stmts = self.block(body)?;
        let sc = self.scopes.pop().expect("module scope");
        Ok(Arc::new(Code {
            name: ArcStr::from("<module>"),
            params: Vec::new(),
            npos: 0,
            nlocals: sc.nlocals as usize,
            ncells: sc.ncells as usize,
            cell_params: Vec::new(),
            local_names: sc.local_names,
            body: stmts,
            doc: None,
            source: self.source.clone(),
            sig: ArcStr::from(""),
            is_lambda: false,
            is_generator: false,
        }))
    }

    fn cur(&mut self) -> &mut Scope {
        self.scopes.last_mut().expect("scope")
    }

    /// Resolve a name for loading or storing in the current scope.
    pub(crate) fn resolve(&mut self, name: &str) -> Res {
        let depth = self.scopes.len() - 1;
        let sc = &self.scopes[depth];
        if let Some((_, r)) = sc.comp.iter().rev().find(|(n, _)| n == name) {
            return r.clone();
        }
        match sc.kind {
            Kind::Module => Res::Global(self.globals.slot(name) as u32),
            Kind::Class => {
                if sc.class_bound.contains(name) || sc.globals.contains(name) {
                    return Res::Ns(self.globals.slot(name) as u32);
                }
                match self.free(depth, name) {
                    Some(c) => Res::Cell(c),
                    None => Res::Ns(self.globals.slot(name) as u32),
                }
            }
            Kind::Function => {
                if sc.globals.contains(name) {
                    return Res::Global(self.globals.slot(name) as u32);
                }
                if let Some(c) = sc.cells.get(name) {
                    return Res::Cell(*c);
                }
                if let Some(l) = sc.locals.get(name) {
                    return Res::Local(*l);
                }
                match self.free(depth, name) {
                    Some(c) => Res::Cell(c),
                    None => Res::Global(self.globals.slot(name) as u32),
                }
            }
        }
    }

    /// Find `name` as a cell in scopes enclosing `depth`, threading it through as a
    /// free variable of each intermediate scope; returns the cell index at `depth`.
    fn free(&mut self, depth: usize, name: &str) -> Option<u32> {
        if let Some((_, Res::Cell(c))) = self.scopes[depth]
            .comp
            .iter()
            .rev()
            .find(|(n, _)| n == name)
        {
            return Some(*c);
        }
        if let Some(c) = self.scopes[depth].cells.get(name) {
            return Some(*c);
        }
        if depth == 0 {
            return None;
        }
        let parent = depth - 1;
        let pidx = match self.scopes[parent].kind {
            Kind::Module => {
                match self.scopes[parent]
                    .comp
                    .iter()
                    .rev()
                    .find(|(n, _)| n == name)
                {
                    Some((_, Res::Cell(c))) => *c,
                    _ => return None,
                }
            }
            Kind::Function => {
                let p = &self.scopes[parent];
                if p.globals.contains(name) {
                    return None;
                }
                if let Some(c) = p.cells.get(name) {
                    *c
                } else if p.locals.contains_key(name) {
                    return None;
                } else {
                    self.free(parent, name)?
                }
            }
            Kind::Class => self.free(parent, name)?,
        };
        let sc = &mut self.scopes[depth];
        let idx = sc.ncells + sc.captures.len() as u32;
        sc.captures.push(pidx);
        sc.cells.insert(name.to_string(), idx);
        Some(idx)
    }

    pub(crate) fn name_target(&mut self, name: &str) -> Target {
        match self.resolve(name) {
            Res::Local(i) => Target::Local(i),
            Res::Cell(i) => Target::Cell(i, ArcStr::from(name)),
            Res::Global(i) => Target::Global(i, ArcStr::from(name)),
            Res::Ns(_) => Target::Ns(ArcStr::from(name)),
        }
    }

    pub(crate) fn block(&mut self, body: &[ast::Stmt]) -> CResult<Vec<Stmt>> {
        let mut out = Vec::with_capacity(body.len());
        for s in body {
            let line = self.line(s);
            let kind = self.stmt(s)?;
            out.push(Stmt { line, kind });
        }
        Ok(out)
    }

    fn stmt(&mut self, s: &ast::Stmt) -> CResult<StmtKind> {
        use ast::Stmt as S;
        Ok(match s {
            S::Expr(e) => StmtKind::Expr(self.expr(&e.value)?),
            S::Assign(a) => {
                let v = self.expr(&a.value)?;
                let ts = a
                    .targets
                    .iter()
                    .map(|t| self.target(t))
                    .collect::<CResult<Vec<_>>>()?;
                StmtKind::Assign(ts, v)
            }
            S::AnnAssign(a) => match &a.value {
                Some(v) => {
                    let v = self.expr(v)?;
                    StmtKind::Assign(vec![self.target(&a.target)?], v)
                }
                None => StmtKind::Pass,
            },
            S::AugAssign(a) => {
                let v = self.expr(&a.value)?;
                let t = self.target(&a.target)?;
                StmtKind::AugAssign(t, expr::binop(a.op), v)
            }
            S::If(i) => {
                let test = self.expr(&i.test)?;
                let body = self.block(&i.body)?;
                let orelse = self.elifs(&i.elif_else_clauses)?;
                StmtKind::If(test, body, orelse)
            }
            S::While(w) => StmtKind::While(
                self.expr(&w.test)?,
                self.block(&w.body)?,
                self.block(&w.orelse)?,
            ),
            S::For(f) => {
                if f.is_async {
                    return Err(self.unsupported("async for", s));
                }
                let it = self.expr(&f.iter)?;
                let t = self.target(&f.target)?;
                StmtKind::For(t, it, self.block(&f.body)?, self.block(&f.orelse)?)
            }
            S::Break(_) => StmtKind::Break,
            S::Continue(_) => StmtKind::Continue,
            S::Pass(_) | S::Global(_) | S::Nonlocal(_) => StmtKind::Pass,
            S::Return(r) => {
                if self.cur().kind != Kind::Function {
                    return Err(self.syntax("'return' outside function", s.start()));
                }
                StmtKind::Return(match &r.value {
                    Some(v) => Some(self.expr(v)?),
                    None => None,
                })
            }
            S::FunctionDef(f) => {
                if f.is_async {
                    return Err(self.unsupported("async def", s));
                }
                if f.type_params.is_some() {
                    return Err(self.unsupported("type parameters", s));
                }
                let decos = f
                    .decorator_list
                    .iter()
                    .map(|d| self.expr(&d.expression))
                    .collect::<CResult<Vec<_>>>()?;
                let fd = self.function(&f.name.id, &f.parameters, FBody::Stmts(&f.body))?;
                StmtKind::Def(fd, decos, self.name_target(&f.name.id))
            }
            S::ClassDef(c) => self.class(c)?,
            S::Import(i) => {
                let mut out = Vec::new();
                for a in &i.names {
                    let full = a.name.id.to_string();
                    let (t, top) = match &a.asname {
                        Some(n) => (self.name_target(&n.id), false),
                        None => (self.name_target(full.split('.').next().unwrap_or("")), true),
                    };
                    out.push(Stmt {
                        line: self.line(a),
                        kind: StmtKind::Import(ArcStr::from(full.as_str()), top, t),
                    });
                }
                if out.len() == 1 {
                    return Ok(out.pop().expect("one").kind);
                }
                StmtKind::If(expr::true_const(), out, Vec::new())
            }
            S::ImportFrom(i) => {
                if i.level > 0 {
                    return Err(self.unsupported("relative import", s));
                }
                let m: ArcStr =
                    ArcStr::from(i.module.as_ref().map(|m| m.id.as_str()).unwrap_or(""));
                if i.names.len() == 1 && &*i.names[0].name.id == "*" {
                    return Ok(StmtKind::ImportStar(m));
                }
                let mut names = Vec::new();
                for a in &i.names {
                    let bind = a.asname.as_ref().unwrap_or(&a.name);
                    names.push((ArcStr::from(a.name.id.as_str()), self.name_target(&bind.id)));
                }
                StmtKind::ImportFrom(m, names)
            }
            S::Try(t) => {
                if t.is_star {
                    return Err(self.unsupported("except*", s));
                }
                let body = self.block(&t.body)?;
                let mut hs = Vec::new();
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    let typ = match &h.type_ {
                        Some(e) => Some(self.expr(e)?),
                        None => None,
                    };
                    let name = h.name.as_ref().map(|n| self.name_target(&n.id));
                    hs.push(super::ir::Handler {
                        typ,
                        name,
                        body: self.block(&h.body)?,
                        line: self.line(h),
                    });
                }
                StmtKind::Try(body, hs, self.block(&t.orelse)?, self.block(&t.finalbody)?)
            }
            S::Raise(r) => StmtKind::Raise(
                match &r.exc {
                    Some(e) => Some(self.expr(e)?),
                    None => None,
                },
                match &r.cause {
                    Some(e) => Some(self.expr(e)?),
                    None => None,
                },
            ),
            S::Assert(a) => StmtKind::Assert(
                self.expr(&a.test)?,
                match &a.msg {
                    Some(e) => Some(self.expr(e)?),
                    None => None,
                },
            ),
            S::Delete(d) => StmtKind::Del(
                d.targets
                    .iter()
                    .map(|t| self.target(t))
                    .collect::<CResult<Vec<_>>>()?,
            ),
            S::With(w) => {
                if w.is_async {
                    return Err(self.unsupported("async with", s));
                }
                let mut items = Vec::new();
                for it in &w.items {
                    let e = self.expr(&it.context_expr)?;
                    let t = match &it.optional_vars {
                        Some(t) => Some(self.target(t)?),
                        None => None,
                    };
                    items.push((e, t));
                }
                StmtKind::With(items, self.block(&w.body)?)
            }
            S::Match(_) => return Err(self.unsupported("match statement", s)),
            S::TypeAlias(_) => return Err(self.unsupported("type alias", s)),
            S::IpyEscapeCommand(_) => return Err(self.unsupported("IPython escape command", s)),
        })
    }

    fn elifs(&mut self, clauses: &[ast::ElifElseClause]) -> CResult<Vec<Stmt>> {
        let Some((first, rest)) = clauses.split_first() else {
            return Ok(Vec::new());
        };
        match &first.test {
            None => self.block(&first.body),
            Some(t) => {
                let line = self.line(first);
                let test = self.expr(t)?;
                let body = self.block(&first.body)?;
                let orelse = self.elifs(rest)?;
                Ok(vec![Stmt {
                    line,
                    kind: StmtKind::If(test, body, orelse),
                }])
            }
        }
    }

    /// `super()` inside a method: `(__class__ cell, first parameter)`.
    pub(crate) fn super_args(&mut self) -> Option<(super::ir::Expr, super::ir::Expr)> {
        let sc = self.scopes.last()?;
        if sc.kind != Kind::Function {
            return None;
        }
        let first = sc.local_names.first()?.to_string();
        let me = match self.resolve(&first) {
            Res::Local(i) => super::ir::Expr::Local(i),
            Res::Cell(i) => super::ir::Expr::Cell(i, ArcStr::from(first.as_str())),
            _ => return None,
        };
        match self.resolve("__class__") {
            Res::Cell(i) => Some((super::ir::Expr::Cell(i, ArcStr::from("__class__")), me)),
            _ => None,
        }
    }

    /// Allocate a fresh hidden local for a comprehension variable.
    pub(crate) fn comp_local(&mut self, name: &str) {
        let sc = self.cur();
        let r = match sc.comp_cells.get(name) {
            Some(c) => Res::Cell(*c),
            None => Res::Local(sc.new_local(name)),
        };
        sc.comp.push((name.to_string(), r));
    }

    /// Pre-allocate cells for comprehension variables captured by lambdas (before any
    /// free variable is numbered).
    fn alloc_comp_cells(sc: &mut Scope, names: &[String]) {
        for n in names {
            if !sc.comp_cells.contains_key(n) {
                let c = sc.ncells;
                sc.ncells += 1;
                sc.comp_cells.insert(n.clone(), c);
            }
        }
    }

    /// Mark the current function as a generator; false outside functions.
    pub(crate) fn mark_generator(&mut self) -> bool {
        let sc = self.cur();
        if sc.kind == Kind::Function && sc.comp.is_empty() {
            sc.is_generator = true;
            true
        } else {
            false
        }
    }

    pub(crate) fn comp_pop(&mut self, n: usize) {
        let sc = self.cur();
        let len = sc.comp.len();
        sc.comp.truncate(len - n);
    }
}

/// A function body: statements (`def`) or one expression (`lambda`).
#[derive(Clone, Copy)]
pub(crate) enum FBody<'a> {
    Stmts(&'a [ast::Stmt]),
    Expr(&'a ast::Expr),
}

fn docstring(body: &[ast::Stmt]) -> Option<ArcStr> {
    if let Some(ast::Stmt::Expr(e)) = body.first() {
        if let ast::Expr::StringLiteral(s) = &*e.value {
            return Some(ArcStr::from(s.value.to_str()));
        }
    }
    None
}
