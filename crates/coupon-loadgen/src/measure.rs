//! The measuring loop (closed loop: each client sends its next request when the last is answered)
//! and the table of results.

use std::time::{Duration, Instant};

use tokio::task::JoinSet;

use crate::LoadError;

/// Warm-up before measuring: connections open, caches fill, the CPU clocks up.
pub const WARM_UP: Duration = Duration::from_secs(1);

/// A client of a scenario: sends one request per step.
pub trait Client {
    /// Sends one request; `Ok(true)` when it got the answer the scenario wants (code 0).
    fn step(&mut self) -> impl std::future::Future<Output = Result<bool, LoadError>>;
}

/// What the clients measured.
#[derive(Debug, Default)]
pub struct Samples {
    latencies: Vec<Duration>,
    /// Answers with code 0.
    pub ok: u64,
    /// Other answers (refusals a scenario expects, or errors).
    pub other: u64,
}

impl Samples {
    fn merge(&mut self, other: Samples) {
        self.latencies.extend(other.latencies);
        self.ok += other.ok;
        self.other += other.other;
    }

    /// Requests answered while measuring.
    pub fn requests(&self) -> u64 {
        self.ok + self.other
    }

    /// The latency below which `percent` of the requests were answered.
    pub fn percentile(&mut self, percent: usize) -> Duration {
        if self.latencies.is_empty() {
            return Duration::ZERO;
        }
        self.latencies.sort_unstable();
        let index = (self.latencies.len() * percent / 100).min(self.latencies.len() - 1);
        self.latencies[index]
    }
}

/// Runs every client for the warm-up and then `duration`; returns what was measured after warm-up.
pub async fn closed_loop<C: Client + 'static>(clients: Vec<C>, duration: Duration) -> Result<Samples, LoadError> {
    let measure_from = Instant::now() + WARM_UP;
    let end = measure_from + duration;
    let mut running = JoinSet::new();
    for mut client in clients {
        running.spawn_local(async move {
            let mut samples = Samples::default();
            loop {
                let sent = Instant::now();
                if sent >= end {
                    break;
                }
                let ok = client.step().await?;
                if sent >= measure_from {
                    samples.latencies.push(sent.elapsed());
                    if ok {
                        samples.ok += 1;
                    } else {
                        samples.other += 1;
                    }
                }
            }
            Ok::<Samples, LoadError>(samples)
        });
    }
    let mut all = Samples::default();
    while let Some(done) = running.join_next().await {
        all.merge(done.map_err(|e| LoadError::Seed(e.to_string()))??);
    }
    Ok(all)
}

/// One line of the results.
#[derive(Debug, Clone)]
pub struct Row {
    /// The scenario (and variant).
    pub scenario: String,
    /// Where the servers kept their data (`sqlite`, `postgres ×2`).
    pub store: String,
    /// Concurrent clients.
    pub clients: usize,
    /// Requests answered while measuring.
    pub requests: u64,
    /// Of those, answers with code 0.
    pub ok: u64,
    /// Requests per second.
    pub per_second: f64,
    /// Code-0 answers per second.
    pub ok_per_second: f64,
    /// Median latency.
    pub p50: Duration,
    /// 99th percentile latency.
    pub p99: Duration,
    /// What else is worth knowing (checks made after the run).
    pub note: String,
}

impl Row {
    /// A row from samples taken over `duration`.
    pub fn new(scenario: &str, clients: usize, mut samples: Samples, duration: Duration, note: String) -> Row {
        let seconds = duration.as_secs_f64();
        Row {
            scenario: scenario.to_owned(),
            store: String::new(),
            clients,
            requests: samples.requests(),
            ok: samples.ok,
            per_second: samples.requests() as f64 / seconds,
            ok_per_second: samples.ok as f64 / seconds,
            p50: samples.percentile(50),
            p99: samples.percentile(99),
            note,
        }
    }
}

/// One call timed several times, where the figure is how long a call takes (not a rate).
#[derive(Debug, Clone)]
pub struct Timing {
    /// The scenario (and variant).
    pub scenario: String,
    /// Where the server kept its data.
    pub store: String,
    /// Each call's time, from sending it to its whole answer.
    pub runs: Vec<Duration>,
    /// What else is worth knowing.
    pub note: String,
}

impl Timing {
    /// The middle run (the upper middle for an even count); zero without runs.
    pub fn median(&self) -> Duration {
        let mut sorted = self.runs.clone();
        sorted.sort_unstable();
        sorted.get(sorted.len() / 2).copied().unwrap_or_default()
    }
}

/// The results of every scenario run.
#[derive(Debug, Default)]
pub struct Table {
    rows: Vec<Row>,
    timings: Vec<Timing>,
}

impl Table {
    /// Adds rows measured on `store`.
    pub fn extend(&mut self, store: &str, rows: Vec<Row>) {
        self.rows.extend(rows.into_iter().map(|row| Row { store: store.to_owned(), ..row }));
    }

    /// Adds a timed call measured on `store`.
    pub fn push_timing(&mut self, store: &str, timing: Timing) {
        self.timings.push(Timing { store: store.to_owned(), ..timing });
    }

    /// Prints the tables (Markdown, so they can go straight into the docs).
    pub fn print(&self) {
        if !self.rows.is_empty() {
            self.print_rows();
        }
        if !self.timings.is_empty() {
            self.print_timings();
        }
    }

    fn print_timings(&self) {
        let ms = |d: Duration| format!("{:.0} ms", d.as_secs_f64() * 1e3);
        println!();
        println!("| scenario | store | runs | median | min | max | notes |");
        println!("| --- | --- | ---: | ---: | ---: | ---: | --- |");
        for t in &self.timings {
            let (min, max) = (t.runs.iter().min().copied(), t.runs.iter().max().copied());
            println!(
                "| {} | {} | {} | {} | {} | {} | {} |",
                t.scenario,
                t.store,
                t.runs.len(),
                ms(t.median()),
                ms(min.unwrap_or_default()),
                ms(max.unwrap_or_default()),
                t.note
            );
        }
    }

    fn print_rows(&self) {
        println!();
        println!("| scenario | store | clients | requests | code 0 | req/s | code 0/s | p50 | p99 | notes |");
        println!("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for r in &self.rows {
            println!(
                "| {} | {} | {} | {} | {} | {:.0} | {:.0} | {:.2} ms | {:.2} ms | {} |",
                r.scenario,
                r.store,
                r.clients,
                r.requests,
                r.ok,
                r.per_second,
                r.ok_per_second,
                r.p50.as_secs_f64() * 1e3,
                r.p99.as_secs_f64() * 1e3,
                r.note
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_read_from_the_sorted_latencies() {
        let mut samples =
            Samples { latencies: (1..=100).rev().map(Duration::from_millis).collect(), ok: 90, other: 10 };
        assert_eq!(samples.requests(), 100);
        assert_eq!(samples.percentile(50), Duration::from_millis(51));
        assert_eq!(samples.percentile(99), Duration::from_millis(100));
        assert_eq!(Samples::default().percentile(99), Duration::ZERO);
    }

    #[test]
    fn the_median_is_the_middle_run() {
        let timing = |ms: &[u64]| Timing {
            scenario: String::new(),
            store: String::new(),
            runs: ms.iter().copied().map(Duration::from_millis).collect(),
            note: String::new(),
        };
        assert_eq!(timing(&[90, 30, 50]).median(), Duration::from_millis(50));
        assert_eq!(timing(&[40, 10, 30, 20]).median(), Duration::from_millis(30));
        assert_eq!(timing(&[]).median(), Duration::ZERO);
    }
}
