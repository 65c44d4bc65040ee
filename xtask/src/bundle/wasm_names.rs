//! Reads and rewrites a module's import and export names, and drops its custom sections.
//!
//! wasm-bindgen names every import `__wbg_<name>_<16 hex digits>` and some exports after whole Rust
//! paths; the names travel twice (in the module and in the JavaScript glue) and the hex digits do
//! not compress. Only the name bytes change: every other byte of the module is copied as it is.

use std::collections::HashMap;

/// The names a module imports (module, field) and exports, in the order of its sections.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Names {
    /// `(module, field)` of each import.
    pub imports: Vec<(String, String)>,
    /// The name of each export.
    pub exports: Vec<String>,
}

/// Why a module could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum WasmError {
    /// The file does not start with the WebAssembly magic number and version 1.
    #[error("not a WebAssembly module (version 1)")]
    NotWasm,
    /// A section, a number or a name runs past its end.
    #[error("the module is cut short inside {0}")]
    Truncated(&'static str),
    /// A name is not UTF-8.
    #[error("an import or export name is not UTF-8")]
    BadName,
    /// An import of a kind this reader does not know how to skip.
    #[error("import kind {0:#04x} is not supported")]
    ImportKind(u8),
}

const HEADER: [u8; 8] = *b"\0asm\x01\0\0\0";
const CUSTOM: u8 = 0;
const IMPORT: u8 = 2;
const EXPORT: u8 = 7;

/// The import and export names of `wasm`.
pub fn names(wasm: &[u8]) -> Result<Names, WasmError> {
    let mut names = Names::default();
    for section in sections(wasm)? {
        let (id, body) = section?;
        match id {
            IMPORT => {
                for import in imports(body)? {
                    let import = import?;
                    names.imports.push((import.module.to_owned(), import.field.to_owned()));
                }
            }
            EXPORT => {
                for export in exports(body)? {
                    names.exports.push(export?.name.to_owned());
                }
            }
            _ => {}
        }
    }
    Ok(names)
}

/// `wasm` with the import fields and exports found in the maps renamed, and no custom sections.
pub fn rewrite(
    wasm: &[u8],
    import_fields: &HashMap<String, String>,
    exports_map: &HashMap<String, String>,
) -> Result<Vec<u8>, WasmError> {
    let mut out = HEADER.to_vec();
    for section in sections(wasm)? {
        let (id, body) = section?;
        let body = match id {
            // Producer and feature notes, and names for debuggers: nothing the browser runs.
            CUSTOM => continue,
            IMPORT => {
                let mut items = Vec::new();
                let mut count = 0;
                for import in imports(body)? {
                    let import = import?;
                    put_name(&mut items, import.module);
                    put_name(&mut items, renamed(import_fields, import.field));
                    items.extend_from_slice(import.descriptor);
                    count += 1;
                }
                counted(count, items)
            }
            EXPORT => {
                let mut items = Vec::new();
                let mut count = 0;
                for export in exports(body)? {
                    let export = export?;
                    put_name(&mut items, renamed(exports_map, export.name));
                    items.extend_from_slice(export.descriptor);
                    count += 1;
                }
                counted(count, items)
            }
            _ => body.to_vec(),
        };
        out.push(id);
        put_u32(&mut out, body.len());
        out.extend_from_slice(&body);
    }
    Ok(out)
}

fn renamed<'a>(map: &'a HashMap<String, String>, name: &'a str) -> &'a str {
    map.get(name).map_or(name, String::as_str)
}

fn counted(count: usize, items: Vec<u8>) -> Vec<u8> {
    let mut body = Vec::with_capacity(items.len() + 5);
    put_u32(&mut body, count);
    body.extend_from_slice(&items);
    body
}

/// One import: its names and the bytes that say what it is (kind and type), kept as they are.
struct Import<'a> {
    module: &'a str,
    field: &'a str,
    descriptor: &'a [u8],
}

/// One export: its name and the bytes of its kind and index.
struct Export<'a> {
    name: &'a str,
    descriptor: &'a [u8],
}

/// The sections of a module: `(id, body)`.
fn sections(wasm: &[u8]) -> Result<impl Iterator<Item = Result<(u8, &[u8]), WasmError>>, WasmError> {
    let mut reader = Reader { bytes: wasm.strip_prefix(&HEADER).ok_or(WasmError::NotWasm)? };
    Ok(std::iter::from_fn(move || {
        (!reader.bytes.is_empty()).then(|| {
            let id = reader.byte("a section id")?;
            let size = reader.u32("a section size")?;
            Ok((id, reader.take(size, "a section")?))
        })
    }))
}

fn imports(body: &[u8]) -> Result<impl Iterator<Item = Result<Import<'_>, WasmError>>, WasmError> {
    vector(body, "the import section", |reader| {
        let module = reader.name()?;
        let field = reader.name()?;
        let start = reader.bytes;
        reader.skip_import_descriptor()?;
        let descriptor = &start[..start.len() - reader.bytes.len()];
        Ok(Import { module, field, descriptor })
    })
}

fn exports(body: &[u8]) -> Result<impl Iterator<Item = Result<Export<'_>, WasmError>>, WasmError> {
    vector(body, "the export section", |reader| {
        let name = reader.name()?;
        let start = reader.bytes;
        reader.byte("an export kind")?;
        reader.u32("an export index")?;
        let descriptor = &start[..start.len() - reader.bytes.len()];
        Ok(Export { name, descriptor })
    })
}

/// The items of a section that is a counted vector, each read by `item`.
fn vector<'a, T>(
    body: &'a [u8],
    what: &'static str,
    mut item: impl FnMut(&mut Reader<'a>) -> Result<T, WasmError> + 'a,
) -> Result<impl Iterator<Item = Result<T, WasmError>> + 'a, WasmError> {
    let mut reader = Reader { bytes: body };
    let count = reader.u32(what)?;
    Ok((0..count).map(move |_| item(&mut reader)))
}

/// A cursor over a module's bytes.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn byte(&mut self, what: &'static str) -> Result<u8, WasmError> {
        let (&first, rest) = self.bytes.split_first().ok_or(WasmError::Truncated(what))?;
        self.bytes = rest;
        Ok(first)
    }

    /// An unsigned LEB128 number of at most 32 bits.
    fn u32(&mut self, what: &'static str) -> Result<usize, WasmError> {
        let mut value = 0usize;
        for shift in (0..35).step_by(7) {
            let byte = self.byte(what)?;
            value |= usize::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(WasmError::Truncated(what))
    }

    fn take(&mut self, len: usize, what: &'static str) -> Result<&'a [u8], WasmError> {
        if len > self.bytes.len() {
            return Err(WasmError::Truncated(what));
        }
        let (taken, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        Ok(taken)
    }

    fn name(&mut self) -> Result<&'a str, WasmError> {
        let len = self.u32("a name")?;
        std::str::from_utf8(self.take(len, "a name")?).map_err(|_| WasmError::BadName)
    }

    /// Skips what an import is: a function's type, a table, a memory, a global or a tag.
    fn skip_import_descriptor(&mut self) -> Result<(), WasmError> {
        match self.byte("an import kind")? {
            0x00 => self.u32("a function import").map(drop),
            0x01 => {
                self.byte("a table import")?;
                self.skip_limits()
            }
            0x02 => self.skip_limits(),
            0x03 => self.take(2, "a global import").map(drop),
            0x04 => {
                self.byte("a tag import")?;
                self.u32("a tag import").map(drop)
            }
            kind => Err(WasmError::ImportKind(kind)),
        }
    }

    fn skip_limits(&mut self) -> Result<(), WasmError> {
        let flags = self.byte("limits")?;
        self.u32("limits")?;
        if flags & 1 == 1 {
            self.u32("limits")?;
        }
        Ok(())
    }
}

fn put_u32(out: &mut Vec<u8>, mut value: usize) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn put_name(out: &mut Vec<u8>, name: &str) {
    put_u32(out, name.len());
    out.extend_from_slice(name.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two functions and a memory, exporting a function, with a custom section.
    fn module() -> Vec<u8> {
        let mut wasm = HEADER.to_vec();
        // type section: one type, () -> ()
        wasm.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        let mut imports = vec![3];
        for (module, field, descriptor) in
            [("./app_bg.js", "__wbg_log_0123456789abcdef", &[0u8, 0][..]), ("env", "mem", &[2, 1, 1, 2][..])]
        {
            put_name(&mut imports, module);
            put_name(&mut imports, field);
            imports.extend_from_slice(descriptor);
        }
        put_name(&mut imports, "./app_bg.js");
        put_name(&mut imports, "__wbg_now_fedcba9876543210");
        imports.extend_from_slice(&[0, 0]);
        wasm.push(IMPORT);
        put_u32(&mut wasm, imports.len());
        wasm.extend_from_slice(&imports);
        let mut exports = vec![1];
        put_name(&mut exports, "__wbindgen_start");
        exports.extend_from_slice(&[0, 1]);
        wasm.push(EXPORT);
        put_u32(&mut wasm, exports.len());
        wasm.extend_from_slice(&exports);
        let mut custom = Vec::new();
        put_name(&mut custom, "producers");
        custom.extend_from_slice(b"rustc");
        wasm.push(CUSTOM);
        put_u32(&mut wasm, custom.len());
        wasm.extend_from_slice(&custom);
        wasm
    }

    fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(old, new)| (old.to_string(), new.to_string())).collect()
    }

    #[test]
    fn reads_imports_and_exports() {
        let names = names(&module()).unwrap();
        assert_eq!(
            names.imports,
            [
                ("./app_bg.js".to_owned(), "__wbg_log_0123456789abcdef".to_owned()),
                ("env".to_owned(), "mem".to_owned()),
                ("./app_bg.js".to_owned(), "__wbg_now_fedcba9876543210".to_owned()),
            ]
        );
        assert_eq!(names.exports, ["__wbindgen_start"]);
    }

    #[test]
    fn rewrites_only_the_mapped_names_and_drops_custom_sections() {
        let imports = map(&[("__wbg_log_0123456789abcdef", "a"), ("__wbg_now_fedcba9876543210", "b")]);
        let exports = map(&[("__wbindgen_start", "c")]);
        let rewritten = rewrite(&module(), &imports, &exports).unwrap();
        let names = names(&rewritten).unwrap();
        assert_eq!(
            names.imports,
            [
                ("./app_bg.js".to_owned(), "a".to_owned()),
                ("env".to_owned(), "mem".to_owned()),
                ("./app_bg.js".to_owned(), "b".to_owned())
            ]
        );
        assert_eq!(names.exports, ["c"]);
        assert!(!rewritten.windows(9).any(|window| window == b"producers"));
        // Renaming back gives the original module minus its custom section.
        let back = rewrite(&rewritten, &reverse(&imports), &reverse(&exports)).unwrap();
        assert_eq!(back, rewrite(&module(), &HashMap::new(), &HashMap::new()).unwrap());
    }

    #[test]
    fn refuses_what_is_not_a_whole_module() {
        assert_eq!(names(b"not wasm").unwrap_err(), WasmError::NotWasm);
        let cut = &module()[..20];
        assert!(matches!(names(cut).unwrap_err(), WasmError::Truncated(_)));
    }

    fn reverse(map: &HashMap<String, String>) -> HashMap<String, String> {
        map.iter().map(|(old, new)| (new.clone(), old.clone())).collect()
    }
}
