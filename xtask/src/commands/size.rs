//! `cargo xtask size`: how heavy the customer page's first load is, gzipped as a server would send it.

use std::fs;
use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::error::XtaskError;
use crate::first_load;
use crate::layout::Layout;

/// Bytes in a KB, as printed and as the budget counts.
const KB: f64 = 1024.0;

/// Prints each first-load file of dist/ with its raw and gzip-9 size, and the total; fails above `max_kb`.
pub fn run(layout: &Layout, max_kb: Option<u32>) -> Result<(), XtaskError> {
    let dist = layout.dist();
    let files = first_load::files(&dist)?;
    println!("{:<48} {:>10} {:>10}", "file (first load of dist/index.html)", "raw KB", "gzip KB");
    let mut raw_total = 0;
    let mut gzip_total = 0;
    for file in &files {
        let bytes = fs::read(file).map_err(|source| XtaskError::Read { path: file.clone(), source })?;
        let gzipped = gzip_len(&bytes);
        raw_total += bytes.len();
        gzip_total += gzipped;
        println!("{:<48} {:>10.1} {:>10.1}", shown_name(&dist, file), kb(bytes.len()), kb(gzipped));
    }
    println!("{:<48} {:>10.1} {:>10.1}", "total", kb(raw_total), kb(gzip_total));

    let total_kb = kb(gzip_total);
    match max_kb {
        Some(max_kb) if total_kb > f64::from(max_kb) => Err(XtaskError::OverBudget { total_kb, max_kb }),
        Some(max_kb) => {
            println!("within the budget of {max_kb} KB gzipped");
            Ok(())
        }
        None => Ok(()),
    }
}

/// The length of `bytes` gzipped at level 9 (the best compression).
fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::with_capacity(bytes.len() / 2), Compression::best());
    encoder.write_all(bytes).expect("writing to memory cannot fail");
    encoder.finish().expect("writing to memory cannot fail").len()
}

fn kb(bytes: usize) -> f64 {
    bytes as f64 / KB
}

fn shown_name(dist: &Path, file: &Path) -> String {
    file.strip_prefix(dist).unwrap_or(file).display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_len_counts_the_compressed_stream() {
        let text = "coupon ".repeat(1000).into_bytes();
        assert!(gzip_len(&text) < text.len() / 20, "repetitive text compresses well");
        // An empty input still has gzip's header and trailer.
        assert!((18..=30).contains(&gzip_len(b"")));
    }
}
