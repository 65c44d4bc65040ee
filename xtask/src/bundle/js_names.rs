//! The same renames in wasm-bindgen's JavaScript glue: import keys and `wasm.<export>` uses.

use std::collections::{HashMap, HashSet};

/// Why the glue could not be renamed: it no longer has the shape this step knows.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum GlueError {
    /// An import the module needs is not a key of the glue's import object.
    #[error("the glue defines the import `{0}` {1} times instead of once")]
    ImportNotOnce(String, usize),
}

/// `js` with every identifier in `imports` renamed, and every `wasm.<name>` with `name` in
/// `exports`; each import must appear exactly once (its key in the import object).
pub fn rename(
    js: &str,
    imports: &HashMap<String, String>,
    exports: &HashMap<String, String>,
) -> Result<String, GlueError> {
    let mut out = String::with_capacity(js.len());
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut rest = js;
    while let Some(start) = rest.find(is_identifier_char) {
        let (before, from) = rest.split_at(start);
        out.push_str(before);
        let len = from.find(|c| !is_identifier_char(c)).unwrap_or(from.len());
        let (word, after) = from.split_at(len);
        let export_use = out.ends_with("wasm.") && !out[..out.len() - 5].ends_with(is_identifier_char);
        let replacement = if export_use { exports.get(word) } else { None }
            .or_else(|| imports.get(word).inspect(|_| *seen.entry(word).or_default() += 1));
        out.push_str(replacement.map_or(word, String::as_str));
        rest = after;
    }
    out.push_str(rest);
    match imports.keys().map(|name| (name, seen.get(name.as_str()).copied().unwrap_or(0))).find(|(_, n)| *n != 1) {
        Some((name, times)) => Err(GlueError::ImportNotOnce(name.clone(), times)),
        None => Ok(out),
    }
}

/// The names the glue calls as `wasm.<name>`: the exports it uses.
pub fn export_uses(js: &str) -> HashSet<&str> {
    js.match_indices("wasm.")
        .filter(|(at, _)| !js[..*at].ends_with(is_identifier_char))
        .map(|(at, prefix)| {
            let rest = &js[at + prefix.len()..];
            &rest[..rest.find(|c| !is_identifier_char(c)).unwrap_or(rest.len())]
        })
        .filter(|name| !name.is_empty())
        .collect()
}

fn is_identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(old, new)| (old.to_string(), new.to_string())).collect()
    }

    const GLUE: &str = "const import0 = { __wbg_log_0123: function(a) { console.log(a); } };\n\
        wasm.__wbindgen_start(); const p = wasm.__wbindgen_malloc(1); my_wasm.__wbindgen_start();\n\
        // __wbindgen_start is not renamed outside `wasm.`";

    #[test]
    fn renames_import_keys_and_export_uses_only() {
        let renamed = rename(
            GLUE,
            &map(&[("__wbg_log_0123", "a")]),
            &map(&[("__wbindgen_start", "b"), ("__wbindgen_malloc", "c")]),
        )
        .unwrap();
        assert_eq!(
            renamed,
            "const import0 = { a: function(a) { console.log(a); } };\n\
        wasm.b(); const p = wasm.c(1); my_wasm.__wbindgen_start();\n\
        // __wbindgen_start is not renamed outside `wasm.`"
        );
    }

    #[test]
    fn finds_the_exports_the_glue_uses() {
        let uses = export_uses(GLUE);
        assert_eq!(uses, HashSet::from(["__wbindgen_start", "__wbindgen_malloc"]));
    }

    #[test]
    fn an_import_missing_from_the_glue_is_an_error() {
        let error = rename(GLUE, &map(&[("__wbg_gone_4567", "a")]), &HashMap::new()).unwrap_err();
        assert_eq!(error, GlueError::ImportNotOnce("__wbg_gone_4567".to_owned(), 0));
    }
}
