//! terser from npm: it minifies the bundles' JavaScript glue (see `bundle::finish`).

use super::npm_package::NpmPackage;

/// terser 5.51.2 from npm.
pub const TERSER: NpmPackage =
    NpmPackage { package: "terser", version: "5.51.2", program: "terser", version_marker: "terser" };
