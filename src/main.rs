//! The `tessera` command: `kernel -f FILE`, `install`, `run FILE`.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use tessera::kernel::install::Target;

#[derive(Parser)]
#[command(
    name = "tessera",
    version,
    about = "A Jupyter kernel for lazy chunked arrays"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the Jupyter protocol (started by Jupyter with a connection file).
    Kernel {
        /// The connection file Jupyter wrote.
        #[arg(short = 'f', long = "connection-file")]
        connection_file: PathBuf,
    },
    /// Install the kernelspec so Jupyter can find Tessera.
    Install {
        /// Install for the current user.
        #[arg(long, conflicts_with_all = ["sys_prefix", "prefix"])]
        user: bool,
        /// Install into the active Python environment (sys.prefix).
        #[arg(long, conflicts_with = "prefix")]
        sys_prefix: bool,
        /// Install into PREFIX/share/jupyter.
        #[arg(long)]
        prefix: Option<PathBuf>,
        /// The kernelspec name.
        #[arg(long, default_value = "tessera")]
        name: String,
        /// The name shown in the launcher.
        #[arg(long)]
        display_name: Option<String>,
    },
    /// Execute a notebook or script headless through a Tessera session.
    Run {
        /// A .ipynb notebook or .py script.
        file: PathBuf,
        /// Write the executed notebook here.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Keep running after a cell fails (exit status still reports failures).
        #[arg(long)]
        allow_errors: bool,
    },
}

#[allow(clippy::print_stderr)]
fn main() -> ExitCode {
    tessera::alloc::tune();
    // Panics are caught and reported as errors in the cell; log one line, not a backtrace.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("[tessera] internal error (recovered): {info}");
    }));
    let cli = Cli::parse();
    let result: Result<ExitCode, String> = match cli.command {
        Command::Kernel { connection_file } => tessera::kernel::run(&connection_file)
            .map(|_| ExitCode::SUCCESS)
            .map_err(|e| e.to_string()),
        Command::Install {
            user,
            sys_prefix,
            prefix,
            name,
            display_name,
        } => {
            let target = match (user, sys_prefix, prefix) {
                (true, _, _) => Target::User,
                (_, true, _) => Target::SysPrefix,
                (_, _, Some(p)) => Target::Prefix(p),
                _ => Target::System,
            };
            std::env::current_exe()
                .and_then(|p| p.canonicalize())
                .map_err(|e| e.to_string())
                .and_then(|exe| {
                    tessera::kernel::install::install(&target, &name, display_name.as_deref(), &exe)
                        .map_err(|e| e.to_string())
                })
                .map(|dir| {
                    eprintln!("Installed kernelspec {name} in {}", dir.display());
                    ExitCode::SUCCESS
                })
        }
        Command::Run {
            file,
            output,
            allow_errors,
        } => {
            // Run from the file's folder, as Jupyter does, with paths made absolute first.
            let abs = |p: &PathBuf| std::path::absolute(p).unwrap_or_else(|_| p.clone());
            let (file, output) = (abs(&file), output.as_ref().map(abs));
            if let Some(dir) = file.parent() {
                let _ = std::env::set_current_dir(dir);
            }
            let opts = tessera::notebook::RunOptions {
                output: output.as_deref(),
                allow_errors,
            };
            let mut stdout = std::io::stdout().lock();
            tessera::notebook::run_file(&file, &opts, &mut stdout)
                .map(|s| {
                    if s.errors > 0 {
                        ExitCode::FAILURE
                    } else {
                        ExitCode::SUCCESS
                    }
                })
                .map_err(|e| e.to_string())
        }
    };
    result.unwrap_or_else(|e| {
        eprintln!("tessera: {e}");
        ExitCode::from(2)
    })
}
