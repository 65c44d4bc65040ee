//! Build-time compression of a bundle: a `.br` (brotli, quality 11) and a `.gz` (gzip, level 9)
//! beside every asset, which the server sends as they are (`ServeDir::precompressed_*`). The
//! highest levels are too slow for a server compressing each response on the fly (it uses level 4
//! for what it compresses itself), but cost nothing once at build time.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::error::XtaskError;

/// Extensions of the files that get compressed siblings (pages are served by the server itself,
/// with a policy for their inline scripts, so they are compressed per response instead).
const COMPRESSED: [&str; 5] = ["js", "wasm", "css", "svg", "json"];

/// Brotli's largest window (2^24 bytes), which helps on a wasm module of a few hundred KB.
const BROTLI_WINDOW: u32 = 24;

/// Writes `<file>.br` and `<file>.gz` beside every compressible file under `dist`; returns how many
/// files it compressed.
pub fn run(dist: &Path) -> Result<usize, XtaskError> {
    let mut count = 0;
    for file in compressible_files(dist)? {
        let bytes = fs::read(&file).map_err(|source| XtaskError::Read { path: file.clone(), source })?;
        write(&sibling(&file, "br"), &brotli(&bytes))?;
        write(&sibling(&file, "gz"), &gzip(&bytes))?;
        count += 1;
    }
    Ok(count)
}

/// `bytes` compressed by brotli at its highest quality.
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    brotli_at(bytes, 11)
}

/// `bytes` compressed by brotli at `quality` (0–11).
pub fn brotli_at(bytes: &[u8], quality: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, quality, BROTLI_WINDOW);
        writer.write_all(bytes).expect("writing to memory cannot fail");
    }
    out
}

/// `bytes` compressed by gzip at level 9 (its highest).
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::with_capacity(bytes.len() / 2), Compression::best());
    encoder.write_all(bytes).expect("writing to memory cannot fail");
    encoder.finish().expect("writing to memory cannot fail")
}

/// The compressed sibling of `file`: `app.js` → `app.js.br`.
pub fn sibling(file: &Path, extension: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(extension);
    PathBuf::from(name)
}

fn compressible_files(dir: &Path) -> Result<Vec<PathBuf>, XtaskError> {
    let mut files = Vec::new();
    let entries = fs::read_dir(dir).map_err(|source| XtaskError::Read { path: dir.to_path_buf(), source })?;
    for entry in entries {
        let path = entry.map_err(|source| XtaskError::Read { path: dir.to_path_buf(), source })?.path();
        if path.is_dir() {
            files.extend(compressible_files(&path)?);
        } else if path.extension().and_then(|ext| ext.to_str()).is_some_and(|ext| COMPRESSED.contains(&ext)) {
            files.push(path);
        }
    }
    Ok(files)
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), XtaskError> {
    fs::write(path, bytes).map_err(|source| XtaskError::Write { path: path.to_path_buf(), source })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn siblings_decompress_to_the_file_and_only_assets_get_them() {
        let dir = tempdir();
        let script = "export const coupon = 'COUPON';\n".repeat(200);
        fs::create_dir_all(dir.join("admin")).unwrap();
        fs::write(dir.join("admin/app.js"), &script).unwrap();
        fs::write(dir.join("index.html"), "<!doctype html>").unwrap();
        assert_eq!(run(&dir).unwrap(), 1);

        let br = fs::read(dir.join("admin/app.js.br")).unwrap();
        let mut unpacked = String::new();
        brotli::Decompressor::new(br.as_slice(), 4096).read_to_string(&mut unpacked).unwrap();
        assert_eq!(unpacked, script);
        let gz = fs::read(dir.join("admin/app.js.gz")).unwrap();
        let mut unpacked = String::new();
        flate2::read::GzDecoder::new(gz.as_slice()).read_to_string(&mut unpacked).unwrap();
        assert_eq!(unpacked, script);
        assert!(br.len() < gz.len() && gz.len() < script.len() / 10, "br {} gz {}", br.len(), gz.len());
        assert!(!dir.join("index.html.br").exists(), "pages are compressed by the server");
        fs::remove_dir_all(&dir).unwrap();
    }

    fn tempdir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-precompress-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }
}
