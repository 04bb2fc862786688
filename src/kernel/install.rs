//! `tessera install`: write the kernelspec the way `ipykernel install` does —
//! an absolute path to this binary in argv, the logos beside kernel.json, and
//! Jupyter's own search-path rules (honouring `JUPYTER_DATA_DIR`).

use super::KernelError;
use serde_json::Value;
use std::path::{Path, PathBuf};

const KERNEL_JSON: &str = include_str!("../../kernelspec/kernel.json");
const LOGOS: [(&str, &[u8]); 3] = [
    (
        "logo-32x32.png",
        include_bytes!("../../kernelspec/logo-32x32.png"),
    ),
    (
        "logo-64x64.png",
        include_bytes!("../../kernelspec/logo-64x64.png"),
    ),
    (
        "logo-svg.svg",
        include_bytes!("../../kernelspec/logo-svg.svg"),
    ),
];

/// Where to install, mirroring `jupyter kernelspec install`'s options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The user's Jupyter data directory.
    User,
    /// The active Python environment's `share/jupyter`.
    SysPrefix,
    /// `<prefix>/share/jupyter`.
    Prefix(PathBuf),
    /// The system-wide directory (`/usr/local/share/jupyter`).
    System,
}

/// The Jupyter data directory for a target.
pub fn data_dir(target: &Target) -> Result<PathBuf, KernelError> {
    Ok(match target {
        Target::User => user_data_dir()?,
        Target::SysPrefix => sys_prefix()?.join("share").join("jupyter"),
        Target::Prefix(p) => p.join("share").join("jupyter"),
        Target::System => PathBuf::from("/usr/local/share/jupyter"),
    })
}

/// `JUPYTER_DATA_DIR`, else `$XDG_DATA_HOME/jupyter`, else `~/.local/share/jupyter`
/// (`~/Library/Jupyter` on macOS), as jupyter_core computes it.
pub fn user_data_dir() -> Result<PathBuf, KernelError> {
    if let Some(d) = non_empty_env("JUPYTER_DATA_DIR") {
        return Ok(PathBuf::from(d));
    }
    let home = non_empty_env("HOME")
        .map(PathBuf::from)
        .ok_or_else(|| std::io::Error::other("HOME is not set; use --prefix"))?;
    if cfg!(target_os = "macos") {
        return Ok(home.join("Library").join("Jupyter"));
    }
    Ok(match non_empty_env("XDG_DATA_HOME") {
        Some(x) => PathBuf::from(x).join("jupyter"),
        None => home.join(".local").join("share").join("jupyter"),
    })
}

/// The active environment's prefix: `VIRTUAL_ENV`, `CONDA_PREFIX`, else python3's `sys.prefix`.
fn sys_prefix() -> Result<PathBuf, KernelError> {
    if let Some(p) = non_empty_env("VIRTUAL_ENV").or_else(|| non_empty_env("CONDA_PREFIX")) {
        return Ok(PathBuf::from(p));
    }
    let out = std::process::Command::new("python3")
        .args(["-c", "import sys; print(sys.prefix)"])
        .output()?;
    let s = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if !out.status.success() || s.is_empty() {
        return Err(
            std::io::Error::other("cannot find sys.prefix: no python3; use --prefix").into(),
        );
    }
    Ok(PathBuf::from(s))
}

fn non_empty_env(k: &str) -> Option<String> {
    std::env::var(k).ok().filter(|v| !v.is_empty())
}

/// kernel.json for this binary: the template with an absolute argv[0].
pub fn kernel_json(exe: &Path, display_name: Option<&str>) -> Value {
    let mut spec: Value =
        serde_json::from_str(KERNEL_JSON).expect("kernelspec/kernel.json is valid JSON");
    spec["argv"][0] = Value::String(exe.display().to_string());
    if let Some(d) = display_name {
        spec["display_name"] = Value::String(d.to_string());
    }
    spec
}

/// Install the kernelspec `name` into `target`; returns the kernel's directory.
pub fn install(
    target: &Target,
    name: &str,
    display_name: Option<&str>,
    exe: &Path,
) -> Result<PathBuf, KernelError> {
    let name = name.to_lowercase();
    let valid = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if !valid {
        return Err(std::io::Error::other(format!(
            "invalid kernel name {name:?}: use letters, digits, '.', '_' or '-'"
        ))
        .into());
    }
    let dir = data_dir(target)?.join("kernels").join(&name);
    std::fs::create_dir_all(&dir)?;
    let spec = kernel_json(exe, display_name);
    std::fs::write(
        dir.join("kernel.json"),
        serde_json::to_string_pretty(&spec).expect("serialisable") + "\n",
    )?;
    for (file, bytes) in LOGOS {
        std::fs::write(dir.join(file), bytes)?;
    }
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_spec_with_absolute_argv_and_logos() {
        let tmp = tempfile::tempdir().unwrap();
        let exe = Path::new("/opt/tessera/bin/tessera");
        let dir = install(&Target::Prefix(tmp.path().into()), "Tessera", None, exe).unwrap();
        assert_eq!(dir, tmp.path().join("share/jupyter/kernels/tessera"));
        let spec: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("kernel.json")).unwrap())
                .unwrap();
        assert_eq!(spec["argv"][0], "/opt/tessera/bin/tessera");
        assert_eq!(spec["argv"][3], "{connection_file}");
        assert_eq!(spec["interrupt_mode"], "message");
        assert_eq!(spec["language"], "tessera");
        for (f, _) in LOGOS {
            assert!(dir.join(f).exists(), "{f} missing");
        }
    }

    #[test]
    fn rejects_bad_names() {
        let tmp = tempfile::tempdir().unwrap();
        let t = Target::Prefix(tmp.path().into());
        assert!(install(&t, "bad name", None, Path::new("/x")).is_err());
        assert!(install(&t, "", None, Path::new("/x")).is_err());
    }
}
