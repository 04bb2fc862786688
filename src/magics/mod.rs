//! Magics (`%%timeit`, `%time`, `%who`, `%env`, ...): IPython's syntax and output
//! formats over Tessera's interpreter. A cell is split at top-level `%` lines;
//! code segments and magics run in order through the same interpreter (and so
//! the same scheduler) as plain cells.

mod args;
mod chunksweep;
mod error;
mod namespace;
mod prun;
mod split;
mod system;
pub mod timefmt;
mod timeit_result;
mod timing;
mod whos;

pub use error::MagicError;

use crate::display::MimeBundle;
use crate::lang::{ExecContext, Interpreter, PyException, StreamName, Value};
use split::Segment;

/// What a magic or a cell produced: the execute_result bundle, if any.
pub type MagicResult = Result<Option<MimeBundle>, PyException>;

/// What one magic or code segment produced: its value (so `r = %timeit -o ...` can bind it).
pub type MagicValue = Result<Option<Value>, PyException>;

/// Line magics, for `%lsmagic` and dispatch.
pub const LINE_MAGICS: &[&str] = &[
    "cd",
    "config",
    "env",
    "load_ext",
    "lsmagic",
    "matplotlib",
    "prun",
    "pwd",
    "reset",
    "run",
    "time",
    "timeit",
    "who",
    "who_ls",
    "whos",
];
/// Cell magics, for `%lsmagic` and dispatch.
pub const CELL_MAGICS: &[&str] = &["chunksweep", "prun", "time", "timeit", "writefile"];

/// The running cell's interpreter and context, handed to each magic.
pub struct MagicCtx<'a> {
    /// The session's interpreter (`%reset` replaces it).
    pub interp: &'a mut Interpreter,
    /// Output and cancellation.
    pub ctx: &'a ExecContext,
    /// How tracebacks name the cell.
    pub cell_name: &'a str,
    /// Text for the frontend's pager (`%prun`'s report).
    pub pages: Vec<MimeBundle>,
}

/// What a cell with magics produced.
#[derive(Debug, Default)]
pub struct CellResult {
    /// The execute_result bundle, if any.
    pub result: Option<MimeBundle>,
    /// Pager payloads.
    pub pages: Vec<MimeBundle>,
}

impl MagicCtx<'_> {
    /// Run dialect code in the session; the trailing expression's value.
    pub fn exec(&mut self, code: &str) -> MagicValue {
        self.interp.exec_cell(code, self.cell_name, self.ctx)
    }

    /// Print to the cell's stdout.
    pub fn print(&self, text: &str) {
        self.ctx.out.stream(StreamName::Stdout, text);
    }
}

/// Run a cell that may contain magics. Without magics this is exactly `exec_cell`.
pub fn execute(
    interp: &mut Interpreter,
    code: &str,
    cell_name: &str,
    ctx: &ExecContext,
) -> MagicResult {
    execute_with_pages(interp, code, cell_name, ctx).map(|r| r.result)
}

/// Like `execute`, also returning pager payloads.
pub fn execute_with_pages(
    interp: &mut Interpreter,
    code: &str,
    cell_name: &str,
    ctx: &ExecContext,
) -> Result<CellResult, PyException> {
    let mut m = MagicCtx {
        interp,
        ctx,
        cell_name,
        pages: Vec::new(),
    };
    let last = run_segments(&mut m, code)?;
    Ok(CellResult {
        result: last.map(|v| m.interp.bundle(&v)),
        pages: m.pages,
    })
}

fn run_segments(m: &mut MagicCtx, code: &str) -> MagicValue {
    if let Some((name, line, body)) = split::cell_magic(code) {
        return run_cell_magic(m, &name, &line, &body);
    }
    let mut last = None;
    for seg in split::segments(code) {
        last = match seg {
            Segment::Code(src) => m.exec(&src)?,
            Segment::Line(name, line) => run_line_magic(m, &name, &line)?,
            Segment::Assign(target, name, line) => {
                let v = run_line_magic(m, &name, &line)?.unwrap_or(Value::None);
                m.interp.set_global(&target, v);
                None
            }
        };
    }
    Ok(last)
}

fn run_line_magic(m: &mut MagicCtx, name: &str, line: &str) -> MagicValue {
    let r = match name {
        "time" => return timing::time(m, line),
        "timeit" => return timing::timeit(m, line, None),
        "who" => namespace::who(m, line),
        "who_ls" => namespace::who_ls(m, line),
        "whos" => whos::whos(m, line),
        "reset" => namespace::reset(m, line),
        "env" => system::env(m, line),
        "pwd" => system::pwd(),
        "cd" => system::cd(m, line),
        "run" => return system::run(m, line),
        "prun" => return prun::prun(m, line, None),
        "lsmagic" => {
            m.print(&lsmagic());
            Ok(None)
        }
        // Figures are sent inline by default: accepted, nothing to configure.
        "matplotlib" => Ok(None),
        "config" => system::config(m, line),
        "load_ext" | "reload_ext" | "unload_ext" => Err(MagicError::Usage(format!(
            "Tessera has no IPython extensions; cannot load {:?}. Its features are built in.",
            line.trim()
        ))),
        other => Err(MagicError::UnknownLine(other.to_string())),
    };
    r.map_err(MagicError::into_py)
}

fn run_cell_magic(m: &mut MagicCtx, name: &str, line: &str, body: &str) -> MagicValue {
    match name {
        "time" => timing::time(m, body),
        "timeit" => timing::timeit(m, line, Some(body)),
        "chunksweep" => chunksweep::chunksweep(m, line, body),
        "prun" => prun::prun(m, line, Some(body)),
        "writefile" => system::writefile(m, line, body).map_err(MagicError::into_py),
        other => Err(MagicError::UnknownCell(other.to_string()).into_py()),
    }
}

/// The `%lsmagic` listing.
pub fn lsmagic() -> String {
    let line: Vec<String> = LINE_MAGICS.iter().map(|m| format!("%{m}")).collect();
    let cell: Vec<String> = CELL_MAGICS.iter().map(|m| format!("%%{m}")).collect();
    format!(
        "Available line magics:\n{}\n\nAvailable cell magics:\n{}\n\nAutomagic is OFF, % prefix IS needed for line magics.\n",
        line.join("  "),
        cell.join("  ")
    )
}
