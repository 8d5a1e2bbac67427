//! Compile-time checks of the `#[api]` macro: every valid form compiles, and
//! every misuse fails with one clear message on the offending token.
//!
//! Each case under `cases/fail` has the expected compiler output beside it
//! (`.stderr`); regenerate with `TRYBUILD=overwrite cargo test -p wecom-ui-tests`
//! and read the diff.

#[test]
fn api_macro_ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("cases/pass/*.rs");
    cases.compile_fail("cases/fail/*.rs");
}
