//! `cargo xtask size`: how heavy the customer page's first load is, in the bytes the server sends.

use std::fs;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::bundle::precompress;
use crate::error::XtaskError;
use crate::first_load;
use crate::layout::Layout;

/// Bytes in a KB, as printed and as the budget counts.
const KB: f64 = 1024.0;

/// The level the server compresses a response on the fly at (its pages; see `static_files.rs`).
const ON_THE_FLY_LEVEL: u32 = 4;

/// Prints each first-load file of dist/ with its raw size and the size the server sends it at to a
/// browser that accepts brotli (every current one) and to one that accepts only gzip, and the
/// totals; fails when the brotli total is above `max_kb`.
pub fn run(layout: &Layout, max_kb: Option<u32>) -> Result<(), XtaskError> {
    let dist = layout.dist();
    let files = first_load::files(&dist)?;
    println!("{:<48} {:>9} {:>9} {:>9}", "file (first load of dist/index.html)", "raw KB", "br KB", "gzip KB");
    let (mut raw_total, mut br_total, mut gzip_total) = (0, 0, 0);
    for file in &files {
        let bytes = fs::read(file).map_err(|source| XtaskError::Read { path: file.clone(), source })?;
        let (br, gzip) = (sent_len(file, "br", &bytes)?, sent_len(file, "gz", &bytes)?);
        raw_total += bytes.len();
        br_total += br;
        gzip_total += gzip;
        println!("{:<48} {:>9.1} {:>9.1} {:>9.1}", shown_name(&dist, file), kb(bytes.len()), kb(br), kb(gzip));
    }
    println!("{:<48} {:>9.1} {:>9.1} {:>9.1}", "total", kb(raw_total), kb(br_total), kb(gzip_total));

    let total_kb = kb(br_total);
    match max_kb {
        Some(max_kb) if total_kb > f64::from(max_kb) => Err(XtaskError::OverBudget { total_kb, max_kb }),
        Some(max_kb) => {
            println!("within the budget of {max_kb} KB as sent (brotli)");
            Ok(())
        }
        None => Ok(()),
    }
}

/// What the server sends for `file` in `encoding` (`br` or `gz`): its precompressed sibling when
/// the build wrote one, else the file compressed on the fly at the server's level.
fn sent_len(file: &Path, encoding: &str, bytes: &[u8]) -> Result<usize, XtaskError> {
    let sibling = precompress::sibling(file, encoding);
    if sibling.is_file() {
        let meta = fs::metadata(&sibling).map_err(|source| XtaskError::Read { path: sibling.clone(), source })?;
        return Ok(usize::try_from(meta.len()).unwrap_or(usize::MAX));
    }
    Ok(match encoding {
        "br" => precompress::brotli_at(bytes, ON_THE_FLY_LEVEL).len(),
        _ => gzip_len_at(bytes, ON_THE_FLY_LEVEL),
    })
}

/// The length of `bytes` gzipped at `level`.
fn gzip_len_at(bytes: &[u8], level: u32) -> usize {
    use std::io::Write;
    let mut encoder = GzEncoder::new(Vec::with_capacity(bytes.len() / 2), Compression::new(level));
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
    fn a_precompressed_sibling_is_what_is_sent_else_the_on_the_fly_level() {
        let dir = std::env::temp_dir().join(format!("xtask-size-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let file = dir.join("app.js");
        let text = "coupon ".repeat(1000).into_bytes();
        fs::write(&file, &text).unwrap();
        let on_the_fly = sent_len(&file, "br", &text).unwrap();
        assert_eq!(on_the_fly, precompress::brotli_at(&text, ON_THE_FLY_LEVEL).len());
        assert!(sent_len(&file, "gz", &text).unwrap() < text.len() / 20, "repetitive text compresses well");
        fs::write(precompress::sibling(&file, "br"), [0_u8; 7]).unwrap();
        assert_eq!(sent_len(&file, "br", &text).unwrap(), 7, "the sibling as it is on disk");
        fs::remove_dir_all(&dir).unwrap();
    }
}
