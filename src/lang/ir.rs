//! The pre-processed tree the evaluator walks: names are resolved to local slots,
//! closure cells or global slots at compile time; functions share their body via `Arc`.

use super::value::Value;
use arcstr::ArcStr;
use std::sync::Arc;

/// Binary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `@`
    MatMul,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `&`
    BitAnd,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
}

impl BinOp {
    /// The operator's source symbol.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::MatMul => "@",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
        }
    }

    /// The dunder method names (`__add__`, `__radd__`).
    pub fn dunders(self) -> (&'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__"),
            BinOp::Sub => ("__sub__", "__rsub__"),
            BinOp::Mul => ("__mul__", "__rmul__"),
            BinOp::Div => ("__truediv__", "__rtruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__"),
            BinOp::Pow => ("__pow__", "__rpow__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__"),
            BinOp::LShift => ("__lshift__", "__rlshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__"),
            BinOp::BitAnd => ("__and__", "__rand__"),
            BinOp::BitOr => ("__or__", "__ror__"),
            BinOp::BitXor => ("__xor__", "__rxor__"),
        }
    }
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `is`
    Is,
    /// `is not`
    IsNot,
    /// `in`
    In,
    /// `not in`
    NotIn,
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    /// `not`
    Not,
    /// `-`
    Neg,
    /// `+`
    Pos,
    /// `~`
    Invert,
}

/// A call argument.
pub enum Arg {
    /// Positional.
    Pos(Expr),
    /// `*iterable`.
    Star(Expr),
    /// `name=value`.
    Kw(ArcStr, Expr),
    /// `**mapping`.
    KwStar(Expr),
}

/// One `for ... in ... if ...` clause of a comprehension.
pub struct CompFor {
    /// Loop target.
    pub target: Target,
    /// Iterable.
    pub iter: Expr,
    /// Filters.
    pub ifs: Vec<Expr>,
}

/// Which container a comprehension builds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum CompKind {
    /// `[...]`
    List,
    /// `{...}`
    Set,
    /// `{k: v ...}`
    Dict,
    /// `(...)` (consumed eagerly into an iterator)
    Gen,
}

/// A piece of an f-string.
pub enum FPart {
    /// Literal text.
    Lit(ArcStr),
    /// `{expr!conv:spec}`.
    Fmt {
        /// The expression.
        expr: Expr,
        /// `'r'`, `'s'`, `'a'` or `'\0'`.
        conv: char,
        /// The (possibly nested) format spec.
        spec: Vec<FPart>,
        /// `f"{x=}"` debug prefix text.
        debug: Option<ArcStr>,
    },
}

/// Expressions.
pub enum Expr {
    /// A constant.
    Const(Value),
    /// A function local.
    Local(u32),
    /// A closure cell (own cell or free variable).
    Cell(u32, ArcStr),
    /// A module global (falls back to builtins).
    Global(u32, ArcStr),
    /// A name in a class body namespace (then globals, then builtins).
    Ns(ArcStr, u32),
    /// `[a, *b]`
    List(Vec<Expr>),
    /// `(a, *b)`
    Tuple(Vec<Expr>),
    /// `{a, b}`
    Set(Vec<Expr>),
    /// `{k: v, **m}` (`None` key means `**m`).
    Dict(Vec<(Option<Expr>, Expr)>),
    /// `*x` inside a display.
    Starred(Box<Expr>),
    /// `a op b`
    Bin(Box<Expr>, BinOp, Box<Expr>),
    /// `op a`
    Unary(UnOp, Box<Expr>),
    /// `a and b and ...`
    And(Vec<Expr>),
    /// `a or b or ...`
    Or(Vec<Expr>),
    /// `a < b <= c`
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    /// `b if t else o`: (test, body, orelse)
    IfExp(Box<(Expr, Expr, Expr)>),
    /// `f(args)`
    Call(Box<Expr>, Vec<Arg>),
    /// `a.name`
    Attr(Box<Expr>, ArcStr),
    /// `a[i]`
    Subscript(Box<Expr>, Box<Expr>),
    /// `a:b:c`
    Slice(Box<[Option<Expr>; 3]>),
    /// `lambda ...: ...`
    Lambda(Arc<FuncDef>),
    /// Comprehensions: kind, element (and value for dicts), clauses.
    Comp(CompKind, Box<Expr>, Option<Box<Expr>>, Vec<CompFor>),
    /// f-string.
    FString(Vec<FPart>),
    /// `target := value`
    Named(Box<Target>, Box<Expr>),
    /// `yield [value]` (generators run eagerly, collecting what they yield).
    Yield(Option<Box<Expr>>),
    /// `yield from iterable`.
    YieldFrom(Box<Expr>),
}

/// Assignment targets.
pub enum Target {
    /// A function local.
    Local(u32),
    /// A closure cell.
    Cell(u32, ArcStr),
    /// A module global.
    Global(u32, ArcStr),
    /// A class-body namespace name.
    Ns(ArcStr),
    /// `obj.attr`
    Attr(Expr, ArcStr),
    /// `obj[key]`
    Subscript(Expr, Expr),
    /// `a, *b, c` (index of the starred one).
    Unpack(Vec<Target>, Option<usize>),
}

/// An `except` clause.
pub struct Handler {
    /// The exception type expression (`None` = bare except).
    pub typ: Option<Expr>,
    /// `as name`.
    pub name: Option<Target>,
    /// Handler body.
    pub body: Vec<Stmt>,
    /// Line of the clause.
    pub line: u32,
}

/// Statements with their 1-based source line.
pub struct Stmt {
    /// Source line (1-based, in the cell).
    pub line: u32,
    /// What it does.
    pub kind: StmtKind,
}

/// Statement kinds.
pub enum StmtKind {
    /// An expression statement.
    Expr(Expr),
    /// `a = b = value`
    Assign(Vec<Target>, Expr),
    /// `a op= value`
    AugAssign(Target, BinOp, Expr),
    /// `if`/`elif`/`else`
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    /// `while test: body else: orelse`
    While(Expr, Vec<Stmt>, Vec<Stmt>),
    /// `for target in iter: body else: orelse`
    For(Target, Expr, Vec<Stmt>, Vec<Stmt>),
    /// `break`
    Break,
    /// `continue`
    Continue,
    /// `return [value]`
    Return(Option<Expr>),
    /// `pass` and compile-time-only statements (`global`).
    Pass,
    /// `def` (decorators applied bottom-up, then bound to the target).
    Def(Arc<FuncDef>, Vec<Expr>, Target),
    /// `class` definition.
    Class(Arc<ClassDef>, Vec<Expr>, Target),
    /// `import a.b.c [as x]`: module path, bind-top-level flag, target.
    Import(ArcStr, bool, Target),
    /// `from m import a as x, ...`
    ImportFrom(ArcStr, Vec<(ArcStr, Target)>),
    /// `from m import *`
    ImportStar(ArcStr),
    /// `try` statement.
    Try(Vec<Stmt>, Vec<Handler>, Vec<Stmt>, Vec<Stmt>),
    /// `raise [exc [from cause]]`
    Raise(Option<Expr>, Option<Expr>),
    /// `assert test, msg`
    Assert(Expr, Option<Expr>),
    /// `del targets`
    Del(Vec<Target>),
    /// `with items: body`
    With(Vec<(Expr, Option<Target>)>, Vec<Stmt>),
}

/// Source text of a cell, for tracebacks.
pub struct Source {
    /// What the traceback calls it, e.g. `Cell In[3]`.
    pub name: ArcStr,
    /// Lines of the cell.
    pub lines: Vec<String>,
}

/// Parameter kinds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ParamKind {
    /// Positional-only or positional-or-keyword.
    Positional,
    /// `*args`
    VarArgs,
    /// Keyword-only.
    KwOnly,
    /// `**kwargs`
    VarKw,
}

/// A compiled function body.
pub struct Code {
    /// `__name__`.
    pub name: ArcStr,
    /// Parameter names and kinds, in slot order (slots 0..params.len()).
    pub params: Vec<(ArcStr, ParamKind)>,
    /// Number of positional parameters.
    pub npos: usize,
    /// Number of local slots.
    pub nlocals: usize,
    /// Number of own cells (created per call).
    pub ncells: usize,
    /// Parameters living in cells: (local slot, cell index).
    pub cell_params: Vec<(u32, u32)>,
    /// Local names, by slot (for UnboundLocalError and inspection).
    pub local_names: Vec<ArcStr>,
    /// The body.
    pub body: Vec<Stmt>,
    /// Docstring.
    pub doc: Option<ArcStr>,
    /// Source, for tracebacks.
    pub source: Arc<Source>,
    /// Signature text, e.g. `(a, b=2, *args, **kw)`.
    pub sig: ArcStr,
    /// Whether it is a lambda (body returns the single expression).
    pub is_lambda: bool,
    /// Whether the body contains `yield` (run eagerly; the call returns an iterator).
    pub is_generator: bool,
}

/// A `def`/`lambda` site: the code plus how to build the function at run time.
pub struct FuncDef {
    /// The compiled body.
    pub code: Arc<Code>,
    /// Default expressions of positional params (evaluated at definition).
    pub defaults: Vec<Expr>,
    /// Defaults of keyword-only params (by position among all params).
    pub kwdefaults: Vec<(usize, Expr)>,
    /// Where each free variable comes from in the defining scope (its cell index).
    pub captures: Vec<u32>,
}

/// A `class` site.
pub struct ClassDef {
    /// Class name.
    pub name: ArcStr,
    /// Base class expressions.
    pub bases: Vec<Expr>,
    /// The body, executed in a namespace frame.
    pub body: Arc<Code>,
    /// Captures for the body (as for functions).
    pub captures: Vec<u32>,
}
