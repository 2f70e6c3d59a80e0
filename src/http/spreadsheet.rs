//! CSV exports that open correctly in spreadsheet programs: UTF-8 with a byte-order mark (so
//! names like Ђорђе or Ștefan are read as UTF-8), RFC 4180 quoting, and cells that would start
//! a formula (`=`, `+`, `-`, `@`, tab, CR) prefixed with an apostrophe, so a name typed as
//! `=HYPERLINK(...)` stays text (OWASP "CSV injection").

use crate::error::{AppError, AppResult};

/// A cell as text that no spreadsheet will evaluate.
pub fn guard(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

/// The whole document: a header row, then one row per item.
pub fn csv<R: IntoIterator<Item = String>>(
    header: &[String],
    rows: impl IntoIterator<Item = R>,
) -> AppResult<Vec<u8>> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        writer
            .write_record(header.iter().map(|h| guard(h)))
            .map_err(AppError::internal)?;
        for row in rows {
            writer
                .write_record(row.into_iter().map(|c| guard(&c)))
                .map_err(AppError::internal)?;
        }
        writer.flush().map_err(AppError::internal)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::csv;

    #[test]
    fn cells_are_quoted_and_formula_safe() {
        let header = vec!["name".to_owned(), "note".to_owned()];
        let rows = vec![
            vec!["Petrović, Ana".to_owned(), "say \"hi\"".to_owned()],
            vec!["=HYPERLINK(\"x\")".to_owned(), "-5".to_owned()],
        ];
        let bytes = csv(&header, rows).expect("csv");
        let text = String::from_utf8(bytes).expect("utf-8");
        assert_eq!(
            text,
            "\u{feff}name,note\r\n\"Petrović, Ana\",\"say \"\"hi\"\"\"\r\n\"'=HYPERLINK(\"\"x\"\")\",'-5\r\n"
        );
    }
}
