//! Finds the files a browser fetches on the customer page's first load: index.html and what it pulls in.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::error::XtaskError;

/// Kinds of files that count towards the first load.
const LOADED: [&str; 3] = [".js", ".wasm", ".css"];

/// index.html of `dist`, then every JS, wasm and CSS file it references, and the JS modules those import.
pub fn files(dist: &Path) -> Result<Vec<PathBuf>, XtaskError> {
    let index = dist.join("index.html");
    let mut found = vec![index.clone()];
    let mut seen = BTreeSet::new();
    let mut queue = vec![index];
    while let Some(file) = queue.pop() {
        // Only HTML and JS pull in further files (the CSS holds no imports; wasm is binary).
        let scan: fn(&str) -> Vec<&str> = match file.extension().and_then(|ext| ext.to_str()) {
            Some("html") => quoted_strings,
            Some("js") => module_imports,
            _ => continue,
        };
        let text = read(&file)?;
        let references = scan(&text);
        for reference in references.into_iter().filter(|reference| is_loaded(reference)) {
            let target = resolve(dist, &file, reference)
                .filter(|target| target.is_file())
                .ok_or_else(|| XtaskError::MissingAsset { from: file.clone(), reference: reference.to_owned() })?;
            if seen.insert(target.clone()) {
                found.push(target.clone());
                queue.push(target);
            }
        }
    }
    Ok(found)
}

fn read(path: &Path) -> Result<String, XtaskError> {
    fs::read_to_string(path).map_err(|source| XtaskError::Read { path: path.to_path_buf(), source })
}

/// A local reference to a JS, wasm or CSS file (not another site, not a data: URL).
fn is_loaded(reference: &str) -> bool {
    let path = strip_query(reference);
    let remote = reference.contains("://") || reference.starts_with("//") || reference.starts_with("data:");
    !remote && LOADED.iter().any(|ext| path.ends_with(ext))
}

/// The reference without `?query` or `#fragment`.
fn strip_query(reference: &str) -> &str {
    reference.split(['?', '#']).next().unwrap_or(reference)
}

/// The file a reference points to: `/x` from the dist root, `x` or `./x` next to the referencing file.
/// None when it would leave the dist folder.
fn resolve(dist: &Path, from: &Path, reference: &str) -> Option<PathBuf> {
    let path = strip_query(reference);
    let (base, relative) = match path.strip_prefix('/') {
        Some(rooted) => (dist.to_path_buf(), rooted),
        None => (from.parent()?.to_path_buf(), path),
    };
    let mut resolved = base;
    for component in Path::new(relative).components() {
        match component {
            Component::Normal(part) => resolved.push(part),
            Component::ParentDir => {
                resolved.pop();
            }
            _ => {}
        }
    }
    resolved.starts_with(dist).then_some(resolved)
}

/// Every '…' and "…" string in the text (attribute values and the inline loader script of index.html).
fn quoted_strings(text: &str) -> Vec<&str> {
    let mut strings = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(['"', '\'']) {
        let quote = rest.as_bytes()[start] as char;
        let after = &rest[start + 1..];
        let Some(end) = after.find(quote) else { break };
        strings.push(&after[..end]);
        rest = &after[end + 1..];
    }
    strings
}

/// Module specifiers of `import … from '…'`, `import '…'` and `import('…')` in a JS file.
///
/// Only these, not every string: the wasm-bindgen glue holds other strings that merely end in `.js`.
fn module_imports(text: &str) -> Vec<&str> {
    let mut specifiers = Vec::new();
    for (at, keyword) in text.match_indices("from").chain(text.match_indices("import")) {
        let tail = text[at + keyword.len()..].trim_start();
        let tail = tail.strip_prefix('(').map_or(tail, str::trim_start);
        let Some(quote) = tail.chars().next().filter(|c| *c == '"' || *c == '\'') else { continue };
        if let Some(end) = tail[1..].find(quote) {
            specifiers.push(&tail[1..=end]);
        }
    }
    specifiers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_html_references_are_found_in_attributes_and_the_loader_script() {
        let html = r#"<link rel="stylesheet" href="/main-1a2b.css" integrity="sha384-x"/>
<link rel="modulepreload" href="/coupon-app-9f.js" crossorigin="anonymous">
<script type="module">import init from '/coupon-app-9f.js';init({ module_or_path: '/coupon-app-9f_bg.wasm' });</script>"#;
        let loaded: Vec<&str> = quoted_strings(html).into_iter().filter(|s| is_loaded(s)).collect();
        assert_eq!(loaded, ["/main-1a2b.css", "/coupon-app-9f.js", "/coupon-app-9f.js", "/coupon-app-9f_bg.wasm"]);
    }

    #[test]
    fn only_js_module_imports_count() {
        let js = r#"import { a } from './snippets/x/inline0.js';
import "./side.js"; const later = import( "./lazy.js" ); const note = "see util.js";"#;
        assert_eq!(module_imports(js), ["./snippets/x/inline0.js", "./side.js", "./lazy.js"]);
    }

    #[test]
    fn remote_and_other_files_do_not_count() {
        assert!(!is_loaded("https://cdn.example.com/lib.js"));
        assert!(!is_loaded("//cdn.example.com/lib.js"));
        assert!(!is_loaded("/favicon.ico"));
        assert!(is_loaded("/app.css?v=2"));
    }

    #[test]
    fn references_resolve_from_the_root_or_the_referencing_file() {
        let dist = Path::new("/d");
        assert_eq!(resolve(dist, Path::new("/d/index.html"), "/a.js"), Some(PathBuf::from("/d/a.js")));
        assert_eq!(resolve(dist, Path::new("/d/x/m.js"), "./b.js"), Some(PathBuf::from("/d/x/b.js")));
        assert_eq!(resolve(dist, Path::new("/d/x/m.js"), "../c.js?v=1"), Some(PathBuf::from("/d/c.js")));
        assert_eq!(resolve(dist, Path::new("/d/m.js"), "../../etc/x.js"), None);
    }

    #[test]
    fn files_follow_references_and_fail_on_a_missing_one() {
        let dist = std::env::temp_dir().join(format!("xtask-first-load-{}", std::process::id()));
        fs::create_dir_all(dist.join("snippets")).unwrap();
        fs::write(dist.join("index.html"), r#"<script type="module">import i from '/app.js';</script>"#).unwrap();
        fs::write(dist.join("app.js"), "import { f } from './snippets/s.js';").unwrap();
        fs::write(dist.join("snippets/s.js"), "export function f() {}").unwrap();
        let names: Vec<PathBuf> = files(&dist).unwrap().iter().map(|f| f.strip_prefix(&dist).unwrap().into()).collect();
        assert_eq!(names, [PathBuf::from("index.html"), "app.js".into(), "snippets/s.js".into()]);

        fs::remove_file(dist.join("snippets/s.js")).unwrap();
        let missing = files(&dist);
        fs::remove_dir_all(&dist).unwrap();
        assert!(matches!(missing, Err(XtaskError::MissingAsset { reference, .. }) if reference == "./snippets/s.js"));
    }
}
