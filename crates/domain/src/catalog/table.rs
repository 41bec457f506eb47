//! Reading delimited source files with errors that name the file and line.

use std::path::{Path, PathBuf};

use super::CatalogError;

/// One delimited file read whole, with its header, so columns are found by
/// name and every error can point at a line.
#[derive(Debug)]
pub(crate) struct Table {
    path: PathBuf,
    header: Vec<String>,
    rows: Vec<(u64, csv::StringRecord)>,
}

impl Table {
    /// Reads a comma-separated file with quoting.
    pub(crate) fn csv(path: &Path) -> Result<Self, CatalogError> {
        Self::read(path, csv::ReaderBuilder::new().delimiter(b','))
    }

    /// Reads a tab-separated file without quoting (O*NET, ESCO extracts).
    pub(crate) fn tsv(path: &Path) -> Result<Self, CatalogError> {
        Self::read(
            path,
            csv::ReaderBuilder::new().delimiter(b'\t').quoting(false),
        )
    }

    fn read(path: &Path, builder: &mut csv::ReaderBuilder) -> Result<Self, CatalogError> {
        let file = std::fs::File::open(path).map_err(|source| CatalogError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let mut reader = builder.has_headers(true).from_reader(file);
        let header = reader
            .headers()
            .map_err(|e| CatalogError::at(path, 1, e.to_string()))?
            .iter()
            .map(str::to_owned)
            .collect();
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map_or(0, |p| p.line());
                CatalogError::at(path, line, e.to_string())
            })?;
            let line = record.position().map_or(0, |p| p.line());
            rows.push((line, record));
        }
        Ok(Self {
            path: path.to_path_buf(),
            header,
            rows,
        })
    }

    /// Index of a column, or an error naming the missing column.
    pub(crate) fn column(&self, name: &str) -> Result<usize, CatalogError> {
        self.header
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| CatalogError::at(&self.path, 1, format!("missing column `{name}`")))
    }

    /// The rows with their line numbers.
    pub(crate) fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(move |(line, record)| Row {
            path: &self.path,
            line: *line,
            record,
        })
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }
}

/// One row of a [`Table`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row<'a> {
    path: &'a Path,
    line: u64,
    record: &'a csv::StringRecord,
}

impl<'a> Row<'a> {
    /// The raw text of a column.
    pub(crate) fn get(&self, column: usize) -> &'a str {
        self.record.get(column).unwrap_or("")
    }

    /// The row's line in its file.
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// An error at this row.
    pub(crate) fn error(&self, reason: impl Into<String>) -> CatalogError {
        CatalogError::at(self.path, self.line, reason.into())
    }

    /// A required non-negative whole number, written as `37` or `37.0`.
    pub(crate) fn count(&self, column: usize, name: &str) -> Result<u32, CatalogError> {
        self.optional_count(column, name)?
            .ok_or_else(|| self.error(format!("`{name}` is empty")))
    }

    /// A non-negative whole number, or `None` where the source left it
    /// empty or marked it unreleased (`-`, `*`, `#`, `**`).
    pub(crate) fn optional_count(
        &self,
        column: usize,
        name: &str,
    ) -> Result<Option<u32>, CatalogError> {
        let raw = self.get(column).trim();
        if matches!(raw, "" | "-" | "*" | "**" | "#") {
            return Ok(None);
        }
        let value: f64 = raw
            .parse()
            .map_err(|_| self.error(format!("`{name}` is not a number: {raw:?}")))?;
        if !value.is_finite() || value < 0.0 || value.fract() != 0.0 || value > f64::from(u32::MAX)
        {
            return Err(self.error(format!("`{name}` is not a whole count: {raw:?}")));
        }
        Ok(Some(value as u32))
    }

    /// A required number in `range`; `reason` says what is wrong when it
    /// is empty or outside.
    pub(crate) fn number_in(
        &self,
        column: usize,
        name: &str,
        range: std::ops::RangeInclusive<f64>,
        reason: &str,
    ) -> Result<f64, CatalogError> {
        self.optional_number(column, name)?
            .filter(|v| range.contains(v))
            .ok_or_else(|| self.error(reason))
    }

    /// A finite number, or `None` where empty.
    pub(crate) fn optional_number(
        &self,
        column: usize,
        name: &str,
    ) -> Result<Option<f64>, CatalogError> {
        let raw = self.get(column).trim();
        if raw.is_empty() {
            return Ok(None);
        }
        let value: f64 = raw
            .parse()
            .map_err(|_| self.error(format!("`{name}` is not a number: {raw:?}")))?;
        if !value.is_finite() {
            return Err(self.error(format!("`{name}` is not finite: {raw:?}")));
        }
        Ok(Some(value))
    }
}
