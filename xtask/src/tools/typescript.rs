//! tsc from npm: it type-checks a small TypeScript program against the JavaScript package's
//! generated declarations (see `js_package::check_types`).

use super::npm_package::NpmPackage;

/// TypeScript 5.9.3 from npm (`tsc --version` prints `Version 5.9.3`).
pub const TYPESCRIPT: NpmPackage =
    NpmPackage { package: "typescript", version: "5.9.3", program: "tsc", version_marker: "Version" };
