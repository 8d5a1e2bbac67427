//! Compile-time checks of the `#[api]` macro: every misuse fails with one
//! clear message on the offending token.
//!
//! Each case under `cases/fail` has the expected compiler output beside it
//! (`.stderr`); regenerate with `TRYBUILD=overwrite cargo test -p wecom-ui-tests`
//! and read the diff. The valid forms (`cases/pass`) are test targets of this
//! crate (see Cargo.toml): they must compile, and their `main` runs.

#[test]
fn api_macro_ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("cases/fail/*.rs");
}
