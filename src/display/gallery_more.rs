//! Gallery samples of the renderers other than the chunk schematic (test-only).

/// Named sample outputs (file name, content).
pub fn samples() -> Vec<(String, String)> {
    Vec::new()
}
