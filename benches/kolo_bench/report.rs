//! The report: a Markdown table on stdout and in a file, and the same figures as JSON, under
//! `target/kolo-bench/<backend>-<timestamp>.{md,json}`.

use std::fmt::Write as _;
use std::path::PathBuf;

use serde::Serialize;

use crate::load::Stats;

/// One line of the table.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub scenario: String,
    /// Connections, duration, warm-up, rate: how it was measured.
    pub how: String,
    pub requests: u64,
    /// Requests (or transactions, or emails) per second.
    pub rate: f64,
    pub p50_ms: Option<f64>,
    pub p99_ms: Option<f64>,
    pub errors: u64,
    /// "47% of bare JSON" and the ratio itself.
    pub versus: Option<String>,
    pub ratio: Option<f64>,
    /// CPU the server used during the scenario, in % of one core.
    pub server_cpu_pct: Option<f64>,
    /// 1-minute load average when the scenario started.
    pub load1: f64,
}

impl Row {
    pub fn from_stats(scenario: &str, how: String, stats: &Stats) -> Row {
        Row {
            scenario: scenario.to_owned(),
            how,
            requests: stats.requests,
            rate: stats.rps(),
            p50_ms: Some(stats.percentile_ms(50.0)),
            p99_ms: Some(stats.percentile_ms(99.0)),
            errors: stats.errors,
            versus: None,
            ratio: None,
            server_cpu_pct: None,
            load1: crate::server::loadavg()[0],
        }
    }

    /// Records the ratio of this row's rate to `baseline`'s.
    pub fn against(mut self, name: &str, baseline: Option<f64>) -> Row {
        if let Some(base) = baseline.filter(|b| *b > 0.0) {
            let ratio = self.rate / base;
            self.versus = Some(format!("{:.0}% of {name}", ratio * 100.0));
            self.ratio = Some(ratio);
        }
        self
    }
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub backend: String,
    pub machine: String,
    pub started_at: String,
    pub command: String,
    pub client: String,
    pub load_at_start: [f64; 3],
    pub load_at_end: [f64; 3],
    pub rows: Vec<Row>,
    /// Peak RSS (VmHWM) of each server process, in MiB.
    pub peak_rss_mib: Vec<(String, f64)>,
    /// Correctness checks and other findings, one line each.
    pub notes: Vec<String>,
}

fn ms(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), |v| format!("{v:.2}"))
}

impl Report {
    pub fn markdown(&self) -> String {
        let mut md = String::new();
        let _ = writeln!(
            md,
            "### Kolo benchmark: {} ({})\n",
            self.backend, self.started_at
        );
        let _ = writeln!(md, "- command: `{}`", self.command);
        let _ = writeln!(md, "- machine: {}", self.machine);
        let _ = writeln!(md, "- client: {}", self.client);
        let [a, b, c] = self.load_at_start;
        let [d, e, f] = self.load_at_end;
        let _ = writeln!(
            md,
            "- load average at start {a:.2} {b:.2} {c:.2}, at end {d:.2} {e:.2} {f:.2}\n"
        );
        md.push_str("| scenario | how | requests | per second | p50 ms | p99 ms | errors | vs baseline | server CPU | load1 |\n");
        md.push_str("|---|---|---:|---:|---:|---:|---:|---|---:|---:|\n");
        for r in &self.rows {
            let _ = writeln!(
                md,
                "| {} | {} | {} | {:.0} | {} | {} | {} | {} | {} | {:.2} |",
                r.scenario,
                r.how,
                r.requests,
                r.rate,
                ms(r.p50_ms),
                ms(r.p99_ms),
                r.errors,
                r.versus.as_deref().unwrap_or("–"),
                r.server_cpu_pct
                    .map_or_else(|| "–".to_owned(), |c| format!("{c:.0}%")),
                r.load1
            );
        }
        md.push('\n');
        for (server, rss) in &self.peak_rss_mib {
            let _ = writeln!(md, "- peak RSS of {server}: {rss:.1} MiB");
        }
        for note in &self.notes {
            let _ = writeln!(md, "- {note}");
        }
        md
    }

    /// Writes `<backend>-<timestamp>.md` and `.json`; returns the JSON path.
    pub fn write(&self) -> anyhow::Result<PathBuf> {
        let dir = crate::server::project_dir()
            .join("target")
            .join("kolo-bench");
        std::fs::create_dir_all(&dir)?;
        let stem = format!("{}-{}", self.backend, self.started_at.replace(':', ""));
        std::fs::write(dir.join(format!("{stem}.md")), self.markdown())?;
        let json = dir.join(format!("{stem}.json"));
        std::fs::write(&json, serde_json::to_string_pretty(self)?)?;
        Ok(json)
    }
}
