//! Compile-time checks of the `#[api]` macro: every valid form compiles, and
//! every misuse fails with a clear message on the offending token.

#[test]
fn api_macro_ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/pass/*.rs");
    cases.compile_fail("tests/ui/fail/*.rs");
}
