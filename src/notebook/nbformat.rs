//! The parts of nbformat 4 that `tessera run` reads and writes.

use crate::display::MimeBundle;
use crate::lang::{OutputEvent, PyException, StreamName};
use serde_json::{json, Value};

/// Why a notebook could not be run or written.
#[derive(Debug, thiserror::Error)]
pub enum NotebookError {
    /// Reading or writing a file failed.
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    /// The file is not an nbformat-4 notebook.
    #[error("not a Jupyter notebook: {0}")]
    Format(String),
    /// Writing to the output stream failed.
    #[error("writing output: {0}")]
    Write(std::io::Error),
}

/// A notebook held as JSON so unknown fields survive a round trip.
pub struct Notebook {
    json: Value,
}

impl Notebook {
    /// Parse `.ipynb` text.
    pub fn parse(text: &str) -> Result<Self, NotebookError> {
        let json: Value =
            serde_json::from_str(text).map_err(|e| NotebookError::Format(e.to_string()))?;
        if !json.get("cells").is_some_and(Value::is_array) {
            return Err(NotebookError::Format("no 'cells' list".into()));
        }
        Ok(Self { json })
    }

    /// A one-cell notebook holding a script.
    pub fn from_script(text: &str) -> Self {
        Self {
            json: json!({
                "cells": [{"cell_type": "code", "metadata": {}, "source": text, "outputs": [], "execution_count": null}],
                "metadata": {"kernelspec": {"name": "tessera", "display_name": "Tessera", "language": "tessera"}},
                "nbformat": 4, "nbformat_minor": 5,
            }),
        }
    }

    /// Indices of the code cells, in order.
    pub fn code_cells(&self) -> Vec<usize> {
        self.cells()
            .iter()
            .enumerate()
            .filter(|(_, c)| c.get("cell_type").and_then(Value::as_str) == Some("code"))
            .map(|(i, _)| i)
            .collect()
    }

    fn cells(&self) -> &Vec<Value> {
        static EMPTY: Vec<Value> = Vec::new();
        self.json["cells"].as_array().unwrap_or(&EMPTY)
    }

    /// A cell's source (a string or a list of lines in nbformat).
    pub fn source(&self, idx: usize) -> String {
        match &self.cells()[idx]["source"] {
            Value::String(s) => s.clone(),
            Value::Array(lines) => lines.iter().filter_map(Value::as_str).collect(),
            _ => String::new(),
        }
    }

    /// Replace a cell's outputs and execution count.
    pub fn set_outputs(&mut self, idx: usize, outputs: Vec<Value>, count: i64) {
        if let Some(cell) = self.json["cells"].get_mut(idx) {
            cell["outputs"] = Value::Array(outputs);
            cell["execution_count"] = json!(count);
        }
    }

    /// Serialise as nbformat JSON (one-space indent, like Jupyter).
    pub fn to_json(&self) -> String {
        let mut buf = Vec::new();
        let fmt = serde_json::ser::PrettyFormatter::with_indent(b" ");
        let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
        serde::Serialize::serialize(&self.json, &mut ser).expect("JSON serialisation");
        String::from_utf8(buf).expect("UTF-8") + "\n"
    }
}

fn data(b: &MimeBundle) -> Value {
    let mut m = serde_json::Map::new();
    for (k, v) in &b.data {
        m.insert(k.clone(), Value::String(v.clone()));
    }
    Value::Object(m)
}

/// An nbformat output for a captured event.
pub fn output_of_event(ev: &OutputEvent) -> Value {
    match ev {
        OutputEvent::Stream(name, text) => json!({
            "output_type": "stream",
            "name": if *name == StreamName::Stdout { "stdout" } else { "stderr" },
            "text": text,
        }),
        OutputEvent::Display { bundle, .. } => display_data(bundle),
        OutputEvent::Clear { .. } => json!({"output_type": "stream", "name": "stdout", "text": ""}),
    }
}

/// A `display_data` output.
pub fn display_data(b: &MimeBundle) -> Value {
    json!({"output_type": "display_data", "data": data(b), "metadata": {}})
}

/// An `execute_result` output.
pub fn execute_result(b: &MimeBundle, count: i64) -> Value {
    json!({"output_type": "execute_result", "data": data(b), "metadata": {}, "execution_count": count})
}

/// An `error` output.
pub fn error(e: &PyException) -> Value {
    json!({"output_type": "error", "ename": e.ename, "evalue": e.evalue, "traceback": e.traceback})
}
