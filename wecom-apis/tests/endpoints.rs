//! The endpoint registry: `wecom_apis::endpoints()` lists every endpoint the
//! SDK declares, with the facts of its declaration.
#![cfg(all(
    feature = "license",
    feature = "external-contact",
    feature = "corpgroup",
    feature = "service",
    feature = "auth",
    feature = "jssdk",
    feature = "agent"
))]

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use wecom_apis::{Endpoint, Method};

/// The `#[get(` / `#[post(` attribute lines in the sources under `dir`
/// (doc examples, written after `///`, do not count).
fn endpoint_attributes(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            endpoint_attributes(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("read file");
            out.extend(
                text.lines()
                    .map(str::trim_start)
                    .filter(|l| l.starts_with("#[get(") || l.starts_with("#[post("))
                    .map(str::to_owned),
            );
        }
    }
}

fn find(path: &str) -> &'static Endpoint {
    wecom_apis::endpoints()
        .find(|ep| ep.path() == path)
        .unwrap_or_else(|| panic!("{path} is not listed"))
}

#[test]
fn every_declared_endpoint_is_listed_once() {
    let mut attributes = Vec::new();
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    endpoint_attributes(&manifest.join("src"), &mut attributes);
    // The token endpoints are declared by the runtime, next to its token sources.
    endpoint_attributes(&manifest.join("../wecom-core/src/token"), &mut attributes);
    let declared = attributes.len();
    let listed: Vec<&Endpoint> = wecom_apis::endpoints().collect();
    assert_eq!(listed.len(), declared);
    assert!(listed.len() > 150, "{}", listed.len());

    // Every entry names its declaration, and (trait, method) is unique.
    let mut declarations = HashSet::new();
    for ep in &listed {
        let (t, m) = (ep.trait_name().expect("trait"), ep.method_name().expect("method"));
        assert!(declarations.insert((t, m)), "{t}::{m} listed twice");
    }

    // (method, path) is unique except for the deliberate doubles: one
    // endpoint called from two sides (upstream and downstream), and two
    // typed views of one reply.
    let mut by_route: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for ep in &listed {
        by_route
            .entry(format!("{} {}", ep.method().as_str(), ep.path()))
            .or_default()
            .push(format!(
                "{}::{}",
                ep.trait_name().unwrap_or("?"),
                ep.method_name().unwrap_or("?")
            ));
    }
    let shared: Vec<(&str, Vec<&str>)> = by_route
        .iter()
        .filter(|(_, decls)| decls.len() > 1)
        .map(|(route, decls)| (route.as_str(), decls.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        shared,
        [
            (
                "POST corpgroup/batch/external_userid_to_pending_id",
                vec![
                    "UpStreamApi::external_userid_to_pending_id",
                    "DownStreamApi::downstream_external_userid_to_pending_id"
                ]
            ),
            (
                "POST externalcontact/groupchat/list",
                vec![
                    "GroupChatApi::list_group_chat",
                    "GroupChatApi::list_group_chat_by_offset"
                ]
            ),
            (
                "POST service/get_app_qrcode",
                vec!["AppApi::get_app_qrcode", "AppApi::get_app_qrcode_url"]
            ),
        ],
        "unexpected duplicate routes"
    );
}

/// Every family's traits can be glob-imported together (`use
/// wecom_apis::{contacts::*, external_contact::*}`) without a call becoming
/// ambiguous: no two endpoint methods, deprecated aliases included, share a
/// name.
#[test]
fn method_names_are_unique_across_families() {
    let mut owners: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for ep in wecom_apis::endpoints() {
        let (t, m) = (ep.trait_name().expect("trait"), ep.method_name().expect("method"));
        owners.entry(m.to_owned()).or_default().push(t.to_owned());
    }
    let mut attributes = Vec::new();
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    endpoint_attributes(&manifest.join("src"), &mut attributes);
    // The names given by `alias = old_name`.
    let aliases: Vec<String> = attributes
        .iter()
        .flat_map(|line| {
            line.match_indices("alias = ")
                .map(move |(at, _)| &line[at + "alias = ".len()..])
        })
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        })
        .collect();
    assert!(aliases.len() >= 20, "{aliases:?}");
    for alias in aliases {
        owners.entry(alias).or_default().push("(alias)".to_owned());
    }
    let clashes: Vec<(&String, &Vec<String>)> = owners.iter().filter(|(_, o)| o.len() > 1).collect();
    assert!(clashes.is_empty(), "methods sharing a name: {clashes:?}");
}

#[test]
fn entries_carry_method_token_and_declaration() {
    let order = find("license/get_order");
    assert_eq!(order.method(), Method::Post);
    assert_eq!(order.token_kind().map(|k| k.name), Some("provider"));
    assert_eq!(order.token_param(), Some("provider_access_token"));
    assert_eq!(
        (order.trait_name(), order.method_name()),
        (Some("LicenseOrderApi"), Some("get_order"))
    );

    let customer = find("externalcontact/get");
    assert_eq!(customer.method(), Method::Get);
    assert_eq!(customer.token_kind().map(|k| k.name), Some("corp"));
    assert_eq!(customer.token_param(), Some("access_token"));
    assert_eq!(customer.trait_name(), Some("CustomerApi"));

    // A renamed token parameter keeps its kind.
    let login = find("service/get_login_info");
    assert_eq!(login.token_kind().map(|k| k.name), Some("provider"));
    assert_eq!(login.token_param(), Some("access_token"));
    assert_eq!(
        (login.trait_name(), login.method_name()),
        (Some("AppApi"), Some("get_login_info"))
    );

    let pre_auth = find("service/get_pre_auth_code");
    assert_eq!(pre_auth.token_param(), Some("suite_access_token"));

    let gettoken = find("gettoken");
    assert_eq!(gettoken.method(), Method::Get);
    assert!(gettoken.token_kind().is_none() && gettoken.token_param().is_none());
    assert_eq!(gettoken.method_name(), Some("gettoken"));
}

#[test]
fn families_and_traits_list_their_own() {
    use wecom_apis::{agent, auth, corpgroup, external_contact, jssdk, license, media, service};
    let total = license::endpoints().count()
        + external_contact::endpoints().count()
        + corpgroup::endpoints().count()
        + service::endpoints().count()
        + auth::endpoints().count()
        + jssdk::endpoints().count()
        + agent::endpoints().count()
        + wecom_apis::contacts::endpoints().count()
        + media::endpoints().count()
        + wecom_apis::message::endpoints().count();
    assert_eq!(total, wecom_apis::endpoints().count());
    assert!(wecom_apis::contacts::endpoints().all(|ep| ep.token_param() == Some("access_token")));
    assert!(license::endpoints().all(|ep| ep.path().starts_with("license/")));
    assert!(
        license::LICENSE_ORDER_API_ENDPOINTS
            .iter()
            .all(|ep| ep.trait_name() == Some("LicenseOrderApi"))
    );
    assert_eq!(service::SERVICE_TOKEN_API_ENDPOINTS.len(), 4);
    assert!(media::endpoints().all(|ep| ep.path().starts_with("media/")));
}

/// The token sources of the runtime call the very descriptors the SDK lists:
/// each token endpoint is declared once, in the runtime.
#[test]
fn the_runtime_token_endpoints_are_the_declared_ones() {
    let runtime: Vec<&Endpoint> = wecom_apis::token::source::endpoints().collect();
    assert_eq!(runtime.len(), 5);
    for core in runtime {
        let listed = wecom_apis::endpoints()
            .filter(|ep| ep.path() == core.path())
            .collect::<Vec<_>>();
        assert_eq!(listed.len(), 1, "{} is listed once", core.path());
        assert!(
            std::ptr::eq(listed[0], core),
            "{} is the runtime's descriptor",
            core.path()
        );
    }
}
