//! Magics (`%%timeit`, `%time`, `%who`, `%env`, ...): IPython's syntax and output
//! formats over Tessera's interpreter. A cell is split at top-level `%` lines;
//! code segments and magics run in order through the same interpreter (and so
//! the same scheduler) as plain cells.

mod args;
mod error;
mod namespace;
mod split;
mod system;
pub mod timefmt;
mod timing;

pub use error::MagicError;

use crate::display::MimeBundle;
use crate::lang::{ExecContext, Interpreter, PyException, StreamName};
use split::Segment;

/// What a magic or a cell produced: the execute_result bundle, if any.
pub type MagicResult = Result<Option<MimeBundle>, PyException>;

/// Line magics, for `%lsmagic` and dispatch.
pub const LINE_MAGICS: &[&str] = &[
    "cd",
    "config",
    "env",
    "load_ext",
    "lsmagic",
    "matplotlib",
    "pwd",
    "reset",
    "run",
    "time",
    "timeit",
    "who",
    "who_ls",
];
/// Cell magics, for `%lsmagic` and dispatch.
pub const CELL_MAGICS: &[&str] = &["time", "timeit", "writefile"];

/// The running cell's interpreter and context, handed to each magic.
pub struct MagicCtx<'a> {
    /// The session's interpreter (`%reset` replaces it).
    pub interp: &'a mut Interpreter,
    /// Output and cancellation.
    pub ctx: &'a ExecContext,
    /// How tracebacks name the cell.
    pub cell_name: &'a str,
}

impl MagicCtx<'_> {
    /// Run dialect code in the session; the trailing expression's value as a bundle.
    pub fn exec(&mut self, code: &str) -> MagicResult {
        let v = self.interp.exec_cell(code, self.cell_name, self.ctx)?;
        Ok(v.map(|v| self.interp.bundle(&v)))
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
    let mut m = MagicCtx {
        interp,
        ctx,
        cell_name,
    };
    if let Some((name, line, body)) = split::cell_magic(code) {
        return run_cell_magic(&mut m, &name, &line, &body);
    }
    let segments = split::segments(code);
    let mut last = None;
    for seg in segments {
        last = match seg {
            Segment::Code(src) => m.exec(&src)?,
            Segment::Line(name, line) => run_line_magic(&mut m, &name, &line)?,
        };
    }
    Ok(last)
}

fn run_line_magic(m: &mut MagicCtx, name: &str, line: &str) -> MagicResult {
    let r = match name {
        "time" => return timing::time(m, line),
        "timeit" => return timing::timeit(m, line, None),
        "who" => namespace::who(m, line),
        "who_ls" => namespace::who_ls(m, line),
        "reset" => namespace::reset(m, line),
        "env" => system::env(m, line),
        "pwd" => system::pwd(),
        "cd" => system::cd(m, line),
        "run" => return system::run(m, line),
        "lsmagic" => {
            m.print(&lsmagic());
            Ok(None)
        }
        // Figures are sent inline by default: accepted, nothing to configure.
        "matplotlib" | "config" => Ok(None),
        "load_ext" => Err(MagicError::Usage(format!(
            "Tessera has no extensions; cannot load {:?}",
            line.trim()
        ))),
        other => Err(MagicError::UnknownLine(other.to_string())),
    };
    r.map_err(MagicError::into_py)
}

fn run_cell_magic(m: &mut MagicCtx, name: &str, line: &str, body: &str) -> MagicResult {
    match name {
        "time" => timing::time(m, body),
        "timeit" => timing::timeit(m, line, Some(body)),
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
