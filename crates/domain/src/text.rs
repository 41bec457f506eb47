//! Cheap number formatting for explanation sentences and tables. Formatting floats
//! with a precision is among the costliest steps of a recommendation, so
//! fixed-point numbers are written through integers instead.

use std::fmt;

/// `x` with `decimals` digits after the point (at most 4), rounded half
/// away from zero; `signed` writes a `+` before positive values.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fixed {
    value: f64,
    decimals: u32,
    signed: bool,
}

/// `x` with `decimals` digits, e.g. `fixed(0.857, 2)` is `0.86`.
pub(crate) fn fixed(value: f64, decimals: u32) -> Fixed {
    Fixed {
        value,
        decimals: decimals.min(4),
        signed: false,
    }
}

/// Like [`fixed`] with a sign always shown, e.g. `+2.33`, `-0.10`.
pub(crate) fn signed(value: f64, decimals: u32) -> Fixed {
    Fixed {
        signed: true,
        ..fixed(value, decimals)
    }
}

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.value.is_finite() {
            return write!(f, "{}", self.value);
        }
        let scale = 10u64.pow(self.decimals);
        let scaled = (self.value.abs() * scale as f64).round() as u64;
        if self.value < 0.0 && scaled != 0 {
            f.write_str("-")?;
        } else if self.signed {
            f.write_str("+")?;
        }
        write!(f, "{}", scaled / scale)?;
        if self.decimals > 0 {
            let frac = scaled % scale;
            let digits = frac.to_string();
            f.write_str(".")?;
            for _ in digits.len()..self.decimals as usize {
                f.write_str("0")?;
            }
            f.write_str(&digits)?;
        }
        Ok(())
    }
}

/// A count with thousands separators: `55530` -> `55,530`.
pub fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A count rounded to the nearest hundred (at least 100), as a person
/// reads an estimate: `14152` -> `14,200`.
pub fn about_hundreds(n: u32) -> String {
    thousands(((n + 50) / 100 * 100).max(100))
}

/// Dollars with thousands separators: `51140` -> `$51,140`.
pub fn dollars(n: u32) -> String {
    format!("${}", thousands(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(55530), "55,530");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn matches_standard_formatting() {
        for (value, decimals) in [
            (0.857, 2),
            (0.005, 2),
            (12.0, 1),
            (0.0, 2),
            (28.547, 1),
            (3.0, 0),
            (0.0401, 2),
            (1.0, 2),
        ] {
            assert_eq!(
                fixed(value, decimals).to_string(),
                format!("{value:.prec$}", prec = decimals as usize),
                "{value} {decimals}"
            );
        }
        assert_eq!(signed(2.333, 2).to_string(), "+2.33");
        assert_eq!(signed(-0.104, 2).to_string(), "-0.10");
        assert_eq!(signed(-0.001, 2).to_string(), "+0.00");
    }
}
