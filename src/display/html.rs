//! HTML/XML escaping and a small table builder shared by every HTML renderer.
//! All text that reaches markup goes through [`escape`], so names and labels from user code
//! (e.g. `<lambda>`) can never break the notebook's DOM or the SVG.

use std::fmt::Write as _;

/// Escape text for element content and attribute values in HTML and XML (`&<>"'`).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab/newline are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' && c != '\r' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// One table cell: text (escaped) or trusted markup, optionally a header, spanning columns.
#[derive(Clone, Debug)]
pub struct Cell {
    content: String,
    header: bool,
    colspan: usize,
    style: Option<String>,
}

impl Cell {
    /// A data cell holding escaped text.
    pub fn text(text: &str) -> Self {
        Self::markup(escape(text))
    }

    /// A data cell holding markup the caller already built (and escaped).
    pub fn markup(markup: impl Into<String>) -> Self {
        Self {
            content: markup.into(),
            header: false,
            colspan: 1,
            style: None,
        }
    }

    /// A header cell holding escaped text.
    pub fn header(text: &str) -> Self {
        Self {
            header: true,
            ..Self::text(text)
        }
    }

    /// Span `n` columns.
    pub fn span(mut self, n: usize) -> Self {
        self.colspan = n.max(1);
        self
    }

    /// Inline CSS for this cell (trusted; not escaped beyond quoting).
    pub fn style(mut self, css: &str) -> Self {
        self.style = Some(css.to_string());
        self
    }

    fn render(&self, out: &mut String) {
        let tag = if self.header { "th" } else { "td" };
        out.push('<');
        out.push_str(tag);
        if self.colspan > 1 {
            let _ = write!(out, " colspan=\"{}\"", self.colspan);
        }
        if let Some(css) = &self.style {
            let _ = write!(out, " style=\"{}\"", escape(css));
        }
        let _ = write!(out, ">{}</{tag}>", self.content);
    }
}

/// A small HTML table: an optional header row and body rows of [`Cell`]s.
#[derive(Clone, Debug, Default)]
pub struct Table {
    head: Vec<Cell>,
    rows: Vec<Vec<Cell>>,
    style: Option<String>,
}

impl Table {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Set the header row.
    pub fn head(mut self, cells: Vec<Cell>) -> Self {
        self.head = cells;
        self
    }

    /// Append a body row.
    pub fn row(mut self, cells: Vec<Cell>) -> Self {
        self.rows.push(cells);
        self
    }

    /// Inline CSS for the `<table>` element.
    pub fn style(mut self, css: &str) -> Self {
        self.style = Some(css.to_string());
        self
    }

    /// Number of body rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when the table has no body rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table as HTML.
    pub fn render(&self) -> String {
        let mut out = String::new();
        match &self.style {
            Some(css) => {
                let _ = write!(out, "<table style=\"{}\">", escape(css));
            }
            None => out.push_str("<table>"),
        }
        if !self.head.is_empty() {
            out.push_str("<thead><tr>");
            for c in &self.head {
                c.render(&mut out);
            }
            out.push_str("</tr></thead>");
        }
        out.push_str("<tbody>");
        for row in &self.rows {
            out.push_str("<tr>");
            for c in row {
                c.render(&mut out);
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table>");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::xmlcheck::assert_well_formed;

    #[test]
    fn escapes_markup_characters() {
        assert_eq!(
            escape("<lambda> & \"x\" 'y'"),
            "&lt;lambda&gt; &amp; &quot;x&quot; &#39;y&#39;"
        );
        assert_eq!(escape("plain"), "plain");
        assert_eq!(escape("a\u{1}b"), "a\u{FFFD}b");
    }

    #[test]
    fn table_renders_rows_spans_and_escapes() {
        let t = Table::new()
            .head(vec![
                Cell::header(""),
                Cell::header("Array"),
                Cell::header("Chunk"),
            ])
            .row(vec![
                Cell::header("Bytes"),
                Cell::text("1 B"),
                Cell::text("<1>"),
            ])
            .row(vec![Cell::header("Graph"), Cell::text("x").span(2)]);
        let html = t.render();
        assert_eq!(t.len(), 2);
        assert!(html.contains("<th>Array</th>"));
        assert!(html.contains("<td>&lt;1&gt;</td>"));
        assert!(html.contains("<td colspan=\"2\">x</td>"));
        assert_eq!(html.matches("<tr>").count(), 3);
        assert_well_formed(&html);
    }
}
