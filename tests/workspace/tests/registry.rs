//! The registry and the sandbox agree: every endpoint the SDK declares is
//! either modelled by the sandbox or served by a stub in one of this
//! crate's tests (which then checks what was sent and that the reply
//! decodes), and every path the sandbox models is a declared endpoint.

use std::collections::BTreeSet;

use wecom_testkit::Sandbox;

/// Paths the sandbox models although the SDK declares no endpoint for them,
/// and why.
/// (`user/get` used to be one; the contacts family declares it now.)
const SERVED_BUT_UNDECLARED: &[(&str, &str)] = &[];

/// Every path passed to `stub(..)` / `stub_with(..)` in this crate's tests.
fn stubbed_in_tests() -> BTreeSet<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut stubbed = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).expect("the tests folder") {
        let path = entry.expect("an entry").path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("a test file");
        for call in ["stub(", "stub_with("] {
            for (at, _) in source.match_indices(call) {
                let rest = source[at + call.len()..].trim_start();
                if let Some(quoted) = rest.strip_prefix('"')
                    && let Some(end) = quoted.find('"')
                {
                    stubbed.insert(quoted[..end].to_owned());
                }
            }
        }
    }
    stubbed
}

#[test]
fn every_declared_endpoint_is_served_or_stubbed() {
    let served: BTreeSet<String> = Sandbox::served_paths().into_iter().collect();
    let stubbed = stubbed_in_tests();
    let missing: Vec<&str> = wecom_apis::endpoints()
        .map(|e| e.path())
        .filter(|p| !served.contains(*p) && !stubbed.contains(*p))
        .collect();
    assert!(
        missing.is_empty(),
        "declared endpoints neither modelled by the sandbox nor stubbed in a test: {missing:?}"
    );
    assert!(
        served.len() > 70,
        "the sandbox models the families ({})",
        served.len()
    );
}

#[test]
fn every_sandbox_route_is_a_declared_endpoint() {
    let declared: BTreeSet<&str> = wecom_apis::endpoints().map(|e| e.path()).collect();
    let exceptions: BTreeSet<&str> = SERVED_BUT_UNDECLARED.iter().map(|(p, _)| *p).collect();
    let stray: Vec<String> = Sandbox::served_paths()
        .into_iter()
        .filter(|p| !declared.contains(p.as_str()) && !exceptions.contains(p.as_str()))
        .collect();
    assert!(stray.is_empty(), "sandbox routes no endpoint declares: {stray:?}");
    for (path, _) in SERVED_BUT_UNDECLARED {
        assert!(
            !declared.contains(path),
            "{path} is declared now: drop it from the exceptions"
        );
    }
}
