//! PNG plots of an evaluation report: the reliability diagram and the
//! confusion between career paths. Text is drawn with the bundled DejaVu
//! Sans font, so no system font library is needed.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontStyle;

use himrec::model::report::EvalReport;

const FONT: &str = "sans-serif";

fn register_font() -> anyhow::Result<()> {
    static DEJAVU: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
    plotters::style::register_font(FONT, FontStyle::Normal, DEJAVU)
        .map_err(|_| anyhow!("the bundled font cannot be read"))
}

fn plot_error<E: std::fmt::Debug>(e: E) -> anyhow::Error {
    anyhow!("drawing failed: {e:?}")
}

/// Writes `reliability.png` and `confusion.png` into `dir`.
pub(crate) fn write(
    dir: &Path,
    report: &EvalReport,
    paths: &[String],
) -> anyhow::Result<Vec<PathBuf>> {
    register_font()?;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let reliability = dir.join("reliability.png");
    reliability_diagram(&reliability, report)?;
    let confusion = dir.join("confusion.png");
    confusion_matrix(&confusion, report, paths)?;
    Ok(vec![reliability, confusion])
}

fn reliability_diagram(path: &Path, report: &EvalReport) -> anyhow::Result<()> {
    let root = BitMapBackend::new(path, (640, 560)).into_drawing_area();
    root.fill(&WHITE).map_err(plot_error)?;
    let ece = report
        .slices
        .first()
        .and_then(|s| s.evaluations.first())
        .map_or(0.0, |e| e.ece);
    let mut chart = ChartBuilder::on(&root)
        .caption(
            format!("Reliability of the top-1 probability (ECE {ece:.3})"),
            (FONT, 20),
        )
        .margin(16)
        .x_label_area_size(44)
        .y_label_area_size(52)
        .build_cartesian_2d(0.0..1.0, 0.0..1.0)
        .map_err(plot_error)?;
    chart
        .configure_mesh()
        .x_desc("mean predicted probability")
        .y_desc("share correct")
        .label_style((FONT, 13))
        .axis_desc_style((FONT, 14))
        .draw()
        .map_err(plot_error)?;
    chart
        .draw_series(LineSeries::new([(0.0, 0.0), (1.0, 1.0)], BLACK.mix(0.4)))
        .map_err(plot_error)?
        .label("perfect calibration")
        .legend(|(x, y)| PathElement::new([(x, y), (x + 18, y)], BLACK.mix(0.4)));
    let bins: Vec<(f64, f64, usize)> = report
        .reliability
        .iter()
        .filter(|b| b.count > 0)
        .map(|b| (b.confidence, b.accuracy, b.count))
        .collect();
    let max = bins.iter().map(|b| b.2).max().unwrap_or(1) as f64;
    chart
        .draw_series(LineSeries::new(
            bins.iter().map(|b| (b.0, b.1)),
            BLUE.stroke_width(2),
        ))
        .map_err(plot_error)?
        .label("model (point size: rows in bin)")
        .legend(|(x, y)| PathElement::new([(x, y), (x + 18, y)], BLUE.stroke_width(2)));
    chart
        .draw_series(bins.iter().map(|b| {
            let size = 3.0 + 9.0 * (b.2 as f64 / max).sqrt();
            Circle::new((b.0, b.1), size as i32, BLUE.filled())
        }))
        .map_err(plot_error)?;
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .label_font((FONT, 13))
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK.mix(0.3))
        .draw()
        .map_err(plot_error)?;
    root.present().map_err(plot_error)?;
    Ok(())
}

fn confusion_matrix(path: &Path, report: &EvalReport, paths: &[String]) -> anyhow::Result<()> {
    let axes = Axes {
        caption: "Confusion between career paths (share of each true path)",
        x: "top-1 path",
        y: "true path",
    };
    share_matrix(path, &report.confusion, paths, &axes)
}

/// Writes `path`: where each stable model's first career path goes under
/// the candidate, as shares of its row (`rows[stable][candidate]`).
pub(crate) fn first_path_moves(
    path: &Path,
    rows: &[Vec<usize>],
    paths: &[String],
) -> anyhow::Result<()> {
    register_font()?;
    let axes = Axes {
        caption: "First career path: stable (rows) to candidate (share of each row)",
        x: "candidate's first path",
        y: "stable's first path",
    };
    share_matrix(path, rows, paths, &axes)
}

/// The texts around a matrix.
struct Axes<'a> {
    caption: &'a str,
    x: &'a str,
    y: &'a str,
}

/// A square matrix of counts drawn as shares of each row, rows top-down.
fn share_matrix(
    path: &Path,
    rows: &[Vec<usize>],
    paths: &[String],
    axes: &Axes<'_>,
) -> anyhow::Result<()> {
    let n = rows.len();
    let root = BitMapBackend::new(path, (720, 640)).into_drawing_area();
    root.fill(&WHITE).map_err(plot_error)?;
    let mut chart = ChartBuilder::on(&root)
        .caption(axes.caption, (FONT, 19))
        .margin(16)
        .x_label_area_size(80)
        .y_label_area_size(90)
        .build_cartesian_2d((0..n).into_segmented(), (0..n).into_segmented())
        .map_err(plot_error)?;
    // Rows are drawn top-down in class order: true path `i` sits at y = n - 1 - i.
    let x_label = |v: &SegmentValue<usize>| match v {
        SegmentValue::CenterOf(i) => paths.get(*i).cloned().unwrap_or_default(),
        _ => String::new(),
    };
    let y_label = |v: &SegmentValue<usize>| match v {
        SegmentValue::CenterOf(y) if *y < n => paths.get(n - 1 - y).cloned().unwrap_or_default(),
        _ => String::new(),
    };
    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(n)
        .y_labels(n)
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .x_desc(axes.x)
        .y_desc(axes.y)
        .label_style((FONT, 12))
        .axis_desc_style((FONT, 14))
        .draw()
        .map_err(plot_error)?;
    for (truth, row) in rows.iter().enumerate() {
        let total: usize = row.iter().sum();
        for (predicted, count) in row.iter().enumerate() {
            let share = if total > 0 {
                *count as f64 / total as f64
            } else {
                0.0
            };
            let y = n - 1 - truth;
            let shade = (255.0 * (1.0 - share)) as u8;
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [
                        (SegmentValue::Exact(predicted), SegmentValue::Exact(y)),
                        (
                            SegmentValue::Exact(predicted + 1),
                            SegmentValue::Exact(y + 1),
                        ),
                    ],
                    RGBColor(shade, shade, 255).filled(),
                )))
                .map_err(plot_error)?;
            let color = if share > 0.5 { WHITE } else { BLACK };
            let style = (FONT, 13)
                .into_font()
                .color(&color)
                .pos(Pos::new(HPos::Center, VPos::Center));
            chart
                .draw_series(std::iter::once(Text::new(
                    format!("{:.0}%", 100.0 * share),
                    (SegmentValue::CenterOf(predicted), SegmentValue::CenterOf(y)),
                    style,
                )))
                .map_err(plot_error)?;
        }
    }
    root.present().map_err(plot_error)?;
    Ok(())
}
