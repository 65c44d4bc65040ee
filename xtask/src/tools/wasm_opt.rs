//! wasm-opt from npm's binaryen; the shell puts its folder first on PATH, where Trunk finds it.

use super::npm_package::NpmPackage;

/// binaryen 132 from npm; Debian's 108 produces bundles that fail to start in Chromium.
pub const WASM_OPT: NpmPackage =
    NpmPackage { package: "binaryen", version: "132", program: "wasm-opt", version_marker: "version" };
