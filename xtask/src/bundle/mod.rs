//! What the release bundles get beyond Trunk: std compiled from source for them
//! ([`std_from_source`]), and a last step after Trunk ([`finish`]): shorter wasm-bindgen names and
//! minified glue.
//!
//! The customer page's first load is counted in gzipped bytes. wasm-bindgen's import names carry
//! 16 random hex digits each, twice (module and glue), and Trunk leaves the glue unminified (its own
//! minifier fails on wasm-bindgen's output). This step renames the imports and the exports the glue
//! uses to one or two letters in both files, runs terser over the glue, drops the module's custom
//! sections and puts the new digests into the page's `integrity` attributes.

mod integrity;
pub mod js_names;
pub mod precompress;
pub mod std_from_source;
pub mod wasm_names;

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::XtaskError;
use crate::shell::Shell;
use crate::tools::terser;

/// Shortens and minifies the wasm-bindgen pair (`<name>_bg.wasm`, `<name>.js`) of `dist`.
pub fn finish(shell: &Shell, dist: &Path) -> Result<(), XtaskError> {
    let (wasm_path, js_path) = bundle_pair(dist)?;
    let wasm = read(&wasm_path)?;
    let js = fs::read_to_string(&js_path).map_err(|source| XtaskError::Read { path: js_path.clone(), source })?;

    let names = wasm_names::names(&wasm).map_err(|source| XtaskError::Wasm { path: wasm_path.clone(), source })?;
    let used = js_names::export_uses(&js);
    let (imports, exports) = short_names(&names, &used);
    let new_wasm = wasm_names::rewrite(&wasm, &imports, &exports)
        .map_err(|source| XtaskError::Wasm { path: wasm_path.clone(), source })?;
    let new_js = js_names::rename(&js, &imports, &exports)
        .map_err(|source| XtaskError::Glue { path: js_path.clone(), source })?;

    write(&wasm_path, new_wasm.as_slice())?;
    write(&js_path, new_js.as_bytes())?;
    shell.run(
        shell
            .cmd(terser::TERSER.program(shell.layout()))
            .arg(&js_path)
            .args(["--module", "--compress", "passes=2", "--mangle", "--output"])
            .arg(&js_path),
    )?;

    let index = dist.join("index.html");
    let mut html = fs::read_to_string(&index).map_err(|source| XtaskError::Read { path: index.clone(), source })?;
    integrity::replace(&mut html, &wasm, &new_wasm);
    integrity::replace(&mut html, js.as_bytes(), &read(&js_path)?);
    write(&index, html.as_bytes())?;
    println!(
        "  {}: {} import and {} export names shortened, glue minified",
        dist.display(),
        imports.len(),
        exports.len()
    );
    Ok(())
}

/// The module and glue Trunk wrote to `dist`: the one `*_bg.wasm` and the `.js` of the same name.
fn bundle_pair(dist: &Path) -> Result<(PathBuf, PathBuf), XtaskError> {
    let entries = fs::read_dir(dist).map_err(|source| XtaskError::Read { path: dist.to_path_buf(), source })?;
    let mut modules = Vec::new();
    for entry in entries {
        let path = entry.map_err(|source| XtaskError::Read { path: dist.to_path_buf(), source })?.path();
        if let Some(stem) =
            path.file_name().and_then(|name| name.to_str()).and_then(|name| name.strip_suffix("_bg.wasm"))
        {
            modules.push((path.clone(), path.with_file_name(format!("{stem}.js"))));
        }
    }
    match modules.as_slice() {
        [(wasm, js)] if js.is_file() => Ok((wasm.clone(), js.clone())),
        _ => Err(XtaskError::NoBundle { dist: dist.to_path_buf() }),
    }
}

/// New names for wasm-bindgen's imports (`__wbg_…`) and for the exports the glue uses.
fn short_names(names: &wasm_names::Names, used: &HashSet<&str>) -> (HashMap<String, String>, HashMap<String, String>) {
    let kept: HashSet<&str> = names.exports.iter().map(String::as_str).filter(|name| !used.contains(name)).collect();
    let mut fresh = (0..).map(short_name).filter(|name| !kept.contains(name.as_str()));
    let mut imports = HashMap::new();
    for (_, field) in names.imports.iter().filter(|(_, field)| field.starts_with("__wbg")) {
        if !imports.contains_key(field) {
            imports.insert(field.clone(), fresh.next().expect("the names never run out"));
        }
    }
    let exports = names
        .exports
        .iter()
        .filter(|name| used.contains(name.as_str()))
        .map(|name| (name.clone(), fresh.next().expect("the names never run out")))
        .collect();
    (imports, exports)
}

/// `a`…`z`, `A`…`Z`, then `aa`, `ab`…: distinct names for 0, 1, 2….
fn short_name(mut index: usize) -> String {
    const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.push(LETTERS[index % 52]);
        index /= 52;
        if index == 0 {
            break;
        }
        index -= 1;
    }
    name.reverse();
    String::from_utf8(name).expect("ASCII letters")
}

fn read(path: &Path) -> Result<Vec<u8>, XtaskError> {
    fs::read(path).map_err(|source| XtaskError::Read { path: path.to_path_buf(), source })
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), XtaskError> {
    fs::write(path, bytes).map_err(|source| XtaskError::Write { path: path.to_path_buf(), source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_are_distinct_identifiers() {
        let names: Vec<String> = (0..3000).map(short_name).collect();
        assert_eq!(&names[..3], ["a", "b", "c"]);
        assert_eq!(names[52], "aa");
        assert_eq!(HashSet::<&String>::from_iter(&names).len(), names.len());
        assert!(names.iter().all(|name| name.chars().all(|c| c.is_ascii_alphabetic())));
    }

    #[test]
    fn only_wasm_bindgen_imports_and_used_exports_are_renamed() {
        let names = wasm_names::Names {
            imports: vec![("./a_bg.js".into(), "__wbg_log_01".into()), ("env".into(), "keep".into())],
            exports: vec!["memory".into(), "b".into(), "__wbindgen_start".into()],
        };
        let (imports, exports) = short_names(&names, &HashSet::from(["memory", "__wbindgen_start"]));
        assert_eq!(imports, HashMap::from([("__wbg_log_01".to_owned(), "a".to_owned())]));
        // `b` stays an export of its own, so no renamed export may take its name.
        assert_eq!(
            exports,
            HashMap::from([("memory".to_owned(), "c".to_owned()), ("__wbindgen_start".to_owned(), "d".to_owned())])
        );
    }
}
