//! Printing records: the seam between computing and printing. Each record type says how it
//! looks as a table row (`Tabular`); the writers print any `Tabular + Serialize` in any format.

mod records;

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::cli::Format;

/// How a record looks in a table and in CSV.
pub trait Tabular {
    fn headers() -> &'static [&'static str];
    fn row(&self) -> Vec<String>;
}

/// Print records in the chosen format.
pub fn write<T: Tabular + Serialize>(out: &mut dyn Write, format: Format, records: &[T]) -> Result<()> {
    // Standard output flushes at every newline, and a JSON record is written in many small
    // pieces: buffered, an export of events spent half its time less.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let out: &mut dyn Write = &mut out;
    match format {
        Format::Jsonl => {
            for r in records {
                serde_json::to_writer(&mut *out, r)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record(T::headers())?;
            for r in records {
                w.write_record(r.row())?;
            }
            w.flush()?;
        }
        Format::Table => table(out, T::headers(), records.iter().map(Tabular::row).collect())?,
    }
    out.flush()?;
    Ok(())
}

/// Widest a table cell may be before it is cut.
const CELL: usize = 60;

fn cut(s: &str) -> String {
    let s = s.replace(['\n', '\t'], " ");
    if s.chars().count() <= CELL { s } else { format!("{}…", s.chars().take(CELL - 1).collect::<String>()) }
}

fn table(out: &mut dyn Write, headers: &[&str], rows: Vec<Vec<String>>) -> Result<()> {
    let rows: Vec<Vec<String>> = rows.into_iter().map(|r| r.iter().map(|c| cut(c)).collect()).collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.len()).collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                s.push_str(c);
            } else {
                s.push_str(&format!("{c:<w$}  ", w = widths[i]));
            }
        }
        s.trim_end().to_string()
    };
    writeln!(out, "{}", line(headers.iter().map(|h| h.to_uppercase()).collect()))?;
    for r in rows {
        writeln!(out, "{}", line(r))?;
    }
    Ok(())
}
