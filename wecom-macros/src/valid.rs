//! Validation: every rule an endpoint declaration must follow, checked in one
//! pass that reports all violations, each spanned on the offending token.
//!
//! It turns the parsed [`ast`](crate::ast) into the checked
//! [`model`](crate::model): an endpoint with any error is reported and left
//! out, the others go on to expansion as they are.

use std::collections::HashMap;

use proc_macro2::Span;
use syn::{Ident, LitStr, Type};

use crate::ast::{self, KINDS_HINT, Receiver, Role, Route, TokenKind, Verb};
use crate::ctxt::Ctxt;
use crate::model::{self, SentAs};
use crate::types::{self, Borrow};

/// Methods every client already has: the inherent methods of `Client`
/// (`Client::builder` takes no `self`, so it cannot clash), the methods of
/// `ApiClient` and `HasToken` (which `#[api]` traits build on), and `clone`.
/// An endpoint with one of these names would be shadowed by, or ambiguous
/// with, the client's own method at every call site.
const CLIENT_METHODS: &[&str] = &[
    "runtime",
    "corp",
    "downstream",
    "corp_group_member",
    "store_suite_ticket",
    "token_cell",
    "clone",
];

/// Checks the whole trait and keeps the endpoints that pass.
pub fn check(cx: &mut Ctxt, api: ast::Api) -> model::Api {
    if !api.generics.params.is_empty() || api.generics.where_clause.is_some() {
        cx.error_spanned_by(&api.generics, "an `#[api]` trait cannot be generic");
    }
    let mut names: HashMap<String, Span> = HashMap::new();
    let mut endpoints = Vec::new();
    for ep in &api.endpoints {
        let errors_before = cx.error_count();
        if names.insert(ep.ident.to_string(), ep.ident.span()).is_some() {
            cx.error_spanned_by(&ep.ident, format!("`{}` is declared twice", ep.ident));
        }
        // An alias equal to the method's own name is `check_name`'s error.
        if let Some(alias) = ep.route.as_ref().and_then(|r| r.alias.as_ref())
            && *alias != ep.ident
            && names.insert(alias.to_string(), alias.span()).is_some()
        {
            cx.error_spanned_by(
                alias,
                format!("`{alias}` is already a method of this trait: an alias is the endpoint's old name, which no other method has"),
            );
        }
        let checked = check_endpoint(cx, ep);
        if let Some(checked) = checked
            && !ep.rejected
            && cx.error_count() == errors_before
        {
            endpoints.push(checked);
        }
    }
    model::Api {
        attrs: api.attrs,
        vis: api.vis,
        ident: api.ident,
        endpoints,
        krate: api.krate,
    }
}

/// Checks one endpoint; its model when every part needed to build it is there.
fn check_endpoint(cx: &mut Ctxt, ep: &ast::Endpoint) -> Option<model::Endpoint> {
    // Every check runs, whatever the others found: all mistakes are reported at once.
    check_signature(cx, ep);
    check_name(cx, ep);
    let output = check_output(cx, ep);
    let route = ep.route.as_ref()?;
    let checked_route = check_route(cx, route);
    // A renamed token parameter is known here; the default one only to the
    // runtime, so a clash with it is checked by the generated code.
    let token_param = route.token_param.as_ref().map(LitStr::value);
    let args = check_args(cx, ep, route.verb, token_param.as_deref());
    let paging = check_paging(cx, ep, route, &args);
    let ((output, payload), (path, kind, credential)) = (output?, checked_route?);
    Some(model::Endpoint {
        attrs: ep.attrs.clone(),
        ident: ep.ident.clone(),
        verb: route.verb,
        path,
        kind,
        credential,
        token_param: route.token_param.clone(),
        args,
        output: output.clone(),
        payload: payload.clone(),
        unit: types::is_unit(payload),
        paging,
        alias: route.alias.clone(),
    })
}

/// `page = …` and `stream = …`: where the cursor (and the page size) go.
fn check_paging(
    cx: &mut Ctxt,
    ep: &ast::Endpoint,
    route: &Route,
    args: &[model::Arg],
) -> Option<model::Paging> {
    let Some(page) = &route.page else {
        if let Some(stream) = &route.stream {
            cx.error_spanned_by(
                stream,
                "`stream = …` names the stream method of a paginated list: add `page = cursor` (or `page = offset`), or remove it",
            );
        }
        return None;
    };
    let kind = page.kind.name();
    let wire = page.name.as_ref().map_or_else(|| kind.to_string(), LitStr::value);
    if let Some(lit) = page.name.as_ref().filter(|_| !is_wire_name(&wire)) {
        cx.error_spanned_by(
            lit,
            format!("`{wire}` is not a WeCom parameter name (ASCII letters, digits and `_`): write the cursor's name, e.g. \"next_cursor\""),
        );
        return None;
    }
    let flat = |name: &str| {
        args.iter().find(|a| match &a.sent_as {
            SentAs::Field(w) | SentAs::Query(w) => w == name,
            _ => false,
        })
    };
    let has_body = args.iter().any(|a| matches!(a.sent_as, SentAs::Body));
    let cursor_arg = flat(&wire);
    if cursor_arg.is_none() && !has_body {
        let rename = if page.name.is_some() {
            String::new()
        } else {
            format!(", or name the argument that carries it: `page = {kind}(\"next_cursor\")`")
        };
        let ty = if page.kind == ast::PageKind::Offset {
            "Option<u32>"
        } else {
            "Option<&str>"
        };
        cx.error_spanned_by(
            &page.tokens,
            format!(
                "`page = {kind}` needs the argument that carries the {kind}: this endpoint has no `{wire}` argument and no `#[body]`; add `{wire}: {ty}` (the stream method fills it in page after page), or a `#[body]` whose type has a `{wire}` field{rename}"
            ),
        );
        return None;
    }
    let size = match &page.size {
        None => None,
        Some((key, lit)) => {
            let value = match lit.base10_parse::<u64>() {
                Ok(value) if value > 0 => value,
                _ => {
                    cx.error_spanned_by(
                        lit,
                        format!("the page size is a positive whole number: write `{key} = 1000`"),
                    );
                    return None;
                }
            };
            let key_wire = key.to_string();
            match flat(&key_wire) {
                Some(arg) => Some(model::PageSize {
                    wire: key_wire,
                    value,
                    arg: Some(arg.ident.clone()),
                }),
                None if cursor_arg.is_none() => Some(model::PageSize {
                    wire: key_wire,
                    value,
                    arg: None,
                }),
                None => {
                    cx.error_spanned_by(
                        key,
                        format!(
                            "no argument `{key}` to fix the page size: name the endpoint's page-size argument here (e.g. `limit = {value}`), or remove `{key} = {value}` to let the stream method take it"
                        ),
                    );
                    return None;
                }
            }
        }
    };
    let stream = route
        .stream
        .clone()
        .unwrap_or_else(|| quote::format_ident!("{}_stream", ep.ident.to_string().trim_start_matches("r#")));
    Some(model::Paging {
        kind: page.kind,
        stream,
        in_query: matches!(cursor_arg.map(|a| &a.sent_as), Some(SentAs::Query(_))),
        cursor_arg: cursor_arg.map(|a| a.ident.clone()),
        wire,
        size,
    })
}

/// The method's shape: `async fn name(&self, …)`, no generics, no body.
fn check_signature(cx: &mut Ctxt, ep: &ast::Endpoint) {
    if !ep.is_async {
        cx.error_at(
            ep.fn_span,
            "endpoint methods must be `async fn`: write `async fn` here",
        );
    }
    match ep.receiver {
        Receiver::RefSelf => {}
        Receiver::Other(span) => cx.error_at(
            span,
            "endpoint methods take `&self` (the client is shared, not consumed or mutated)",
        ),
        Receiver::Missing => {
            cx.error_spanned_by(&ep.ident, "endpoint methods take `&self` as their first argument")
        }
    }
    if !ep.generics.params.is_empty() || ep.generics.where_clause.is_some() {
        cx.error_spanned_by(
            &ep.generics,
            "endpoint methods cannot be generic: WeCom endpoints have fixed request and response types",
        );
    }
    if let Some(span) = ep.default_body {
        cx.error_at(span, "endpoint declarations have no body: remove it and end the line with `;`, the macro writes the call");
    }
}

/// The method name must not be one every client already has.
fn check_name(cx: &mut Ctxt, ep: &ast::Endpoint) {
    if let Some(alias) = ep.route.as_ref().and_then(|r| r.alias.as_ref()) {
        let old = alias.to_string();
        if ep.ident == old {
            cx.error_spanned_by(
                alias,
                "the alias is the method's own name: `alias = …` keeps the *old* name of a renamed endpoint",
            );
        } else if CLIENT_METHODS.contains(&old.trim_start_matches("r#")) {
            cx.error_spanned_by(
                alias,
                format!(
                    "every client already has a method `{old}`, which calls would reach instead of this alias"
                ),
            );
        }
    }
    let name = ep.ident.to_string();
    if !CLIENT_METHODS.contains(&name.trim_start_matches("r#")) {
        return;
    }
    // Suggest the path's last segment, which is how most endpoints are named.
    let suggestion = ep
        .route
        .as_ref()
        .and_then(|r| r.path.as_ref())
        .map(LitStr::value)
        .and_then(|path| path.rsplit('/').next().map(str::to_string))
        .filter(|last| {
            syn::parse_str::<Ident>(last).is_ok() && *last != name && !CLIENT_METHODS.contains(&last.as_str())
        });
    let rename = match suggestion {
        Some(last) => format!("rename it, e.g. `{last}`"),
        None => "rename it".to_string(),
    };
    cx.error_spanned_by(
        &ep.ident,
        format!("every client already has a method `{name}`, which calls would reach instead of this endpoint: {rename}"),
    );
}

/// The return type and its `T`, if it is the SDK's `Result<T>` with an owned `T`.
fn check_output<'a>(cx: &mut Ctxt, ep: &'a ast::Endpoint) -> Option<(&'a Type, &'a Type)> {
    let Some(output) = &ep.output else {
        cx.error_spanned_by(&ep.ident, "missing return type: endpoints return `wecom_apis::Result<T>` (`Result<()>` when WeCom replies with only errcode/errmsg)");
        return None;
    };
    let Some(payload) = types::result_payload(output) else {
        cx.error_spanned_by(
            output,
            "endpoints return the SDK's `Result<T>` (`wecom_apis::Result<T>`, one type argument): WeCom's errors are always `wecom_apis::Error`",
        );
        return None;
    };
    if let Some(impl_trait) = types::find_impl_trait(payload) {
        cx.error_spanned_by(
            impl_trait,
            "a reply cannot be `impl Trait`: name the type WeCom's reply decodes into",
        );
        return None;
    }
    match types::find_borrow(payload) {
        None => Some((output, payload)),
        Some(Borrow::Reference(reference, referent)) => {
            let hint = match referent {
                Type::Path(p) if p.path.is_ident("str") => "use `String` instead of `&str`".to_string(),
                Type::Slice(_) => "use `Vec<T>` instead of `&[T]`".to_string(),
                _ => "remove the `&` and return the type itself".to_string(),
            };
            cx.error_spanned_by(
                reference,
                format!("replies are owned (the reply body is gone once decoded): {hint}"),
            );
            None
        }
        Some(Borrow::Lifetime(lifetime)) => {
            cx.error_spanned_by(
                lifetime,
                format!("replies are owned (the reply body is gone once decoded): use a type without the lifetime `{lifetime}` (`String`, not `Cow<'a, str>`)"),
            );
            None
        }
    }
}

/// Checks the endpoint attribute; the path, the kind and the credential's
/// marker type (spanned on the kind) when they are all there.
fn check_route(cx: &mut Ctxt, route: &Route) -> Option<(LitStr, TokenKind, Option<Ident>)> {
    let v = route.verb.attr_name();
    if let Some(lit) = &route.path {
        check_path(cx, lit);
    } else if !route.malformed {
        cx.error_at(
            route.attr_span,
            format!("missing path: write `#[{v}(\"family/action\", token = …)]`, the path relative to the client's base URL"),
        );
    }
    match route.token {
        None if !route.malformed => cx.error_at(
            route.attr_span,
            format!("missing `token = …`: say which credential this endpoint needs ({KINDS_HINT})"),
        ),
        Some((TokenKind::None, _)) if route.token_param.is_some() => cx.error_spanned_by(
            route.token_param.as_ref(),
            "`token_param` renames the token's query parameter, but this endpoint sends no token (`token = none`)",
        ),
        _ => {}
    }
    if let Some(param) = &route.token_param
        && !is_wire_name(&param.value())
    {
        cx.error_spanned_by(
            param,
            "`token_param` must be a query parameter name such as \"access_token\"",
        );
    }
    let (kind, kind_span) = route.token?;
    let credential = kind.marker().map(|marker| Ident::new(marker, kind_span));
    Some((route.path.clone()?, kind, credential))
}

/// The path is relative to the base URL, which ends in `cgi-bin/`.
fn check_path(cx: &mut Ctxt, lit: &LitStr) {
    let path = lit.value();
    let relative = path.trim_start_matches('/');
    let fixed = relative.strip_prefix("cgi-bin/").unwrap_or(relative);
    if path.contains("://") {
        cx.error_spanned_by(
            lit,
            "the path is relative to the client's base URL: write e.g. \"license/get_order\", not a full URL",
        );
    } else if path.starts_with('/') {
        cx.error_spanned_by(
            lit,
            format!("remove the leading `/`: the path is relative to the base URL (\"{fixed}\")"),
        );
    } else if relative.starts_with("cgi-bin/") {
        cx.error_spanned_by(
            lit,
            format!("remove `cgi-bin/`: the client's base URL already ends in `cgi-bin/` (\"{fixed}\")"),
        );
    } else if path.is_empty() {
        cx.error_spanned_by(lit, "the path is empty: write e.g. \"license/get_order\"");
    } else if let Some(bad) = path
        .chars()
        .find(|c| c.is_whitespace() || matches!(c, '?' | '#' | '&' | '='))
    {
        cx.error_spanned_by(
            lit,
            format!("the path cannot contain {bad:?}: put query parameters in arguments marked `#[query]`"),
        );
    }
}

/// Checks the arguments against each other and the verb; where each one goes.
fn check_args(cx: &mut Ctxt, ep: &ast::Endpoint, verb: Verb, token_param: Option<&str>) -> Vec<model::Arg> {
    let body = ep
        .args
        .iter()
        .find(|a| matches!(a.role, Role::Body | Role::File(_)));
    let mut seen_body = false;
    let mut json_names: HashMap<String, &Ident> = HashMap::new();
    let mut query_names: HashMap<String, &Ident> = HashMap::new();
    let mut header_names: HashMap<String, &Ident> = HashMap::new();
    let mut checked = Vec::new();
    for arg in &ep.args {
        let name = arg.wire_name();
        if let Some(impl_trait) = types::find_impl_trait(&arg.ty) {
            cx.error_spanned_by(
                impl_trait,
                "endpoint arguments cannot be `impl Trait`: write the concrete type (`&str`, `&MyRequest` …), as for generics",
            );
        }
        check_wire_name(cx, arg, &name);
        let sent_as = match (&arg.role, verb) {
            (Role::Header(lit), _) => match check_header(cx, arg, lit, &mut header_names) {
                Some(sent_as) => sent_as,
                None => continue,
            },
            (Role::Body, Verb::Get) => {
                cx.error_at(
                    arg.role_span,
                    "a GET request has no body: pass the values as bare arguments or `#[query]` arguments",
                );
                continue;
            }
            (Role::File(_), Verb::Get) => {
                cx.error_at(
                    arg.role_span,
                    "a GET request cannot upload a file: use `#[post(...)]`",
                );
                continue;
            }
            (Role::Field(_), Verb::Get) => {
                cx.error_at(
                    arg.role_span,
                    "a GET request has no JSON body: use `#[query = \"name\"]` to rename a query parameter",
                );
                continue;
            }
            (Role::Body | Role::File(_), Verb::Post) => {
                if seen_body {
                    cx.error_at(
                        arg.role_span,
                        "only one argument can be the request body (`#[body]` or `#[file]`)",
                    );
                }
                seen_body = true;
                if matches!(arg.role, Role::Body) {
                    SentAs::Body
                } else {
                    SentAs::File(name)
                }
            }
            (Role::Bare | Role::Field(_), Verb::Post) => {
                if let Some(body_arg) = body {
                    let what = if matches!(body_arg.role, Role::File(_)) {
                        "the uploaded `#[file]` (the request is multipart)"
                    } else {
                        "the whole `#[body]`"
                    };
                    cx.error_at(
                        arg.role_span,
                        format!(
                            "`{}` would be a JSON field, but `{}` is already {what}: move it into the body, or mark it `#[query]`",
                            arg.ident, body_arg.ident
                        ),
                    );
                }
                if let Some(prev) = json_names.insert(name.clone(), &arg.ident) {
                    cx.error_at(
                        arg.role_span,
                        format!("JSON field `{name}` is already sent by argument `{prev}`"),
                    );
                }
                SentAs::Field(name)
            }
            (Role::Query(_), _) | (Role::Bare, Verb::Get) => {
                if token_param == Some(name.as_str()) {
                    cx.error_at(
                        arg.role_span,
                        format!("query parameter `{name}` is the token's; the runtime adds it, remove this argument"),
                    );
                } else if let Some(prev) = query_names.insert(name.clone(), &arg.ident) {
                    cx.error_at(
                        arg.role_span,
                        format!("query parameter `{name}` is already sent by argument `{prev}`"),
                    );
                }
                SentAs::Query(name)
            }
        };
        checked.push(model::Arg {
            ident: arg.ident.clone(),
            ty: arg.ty.clone(),
            span: arg.role_span,
            sent_as,
        });
    }
    checked
}

/// Headers the HTTP client writes itself: an argument cannot set them.
const RESERVED_HEADERS: &[&str] = &[
    "content-type",
    "content-length",
    "host",
    "transfer-encoding",
    "connection",
];

/// A `#[header = "Name"]` argument: an HTTP header name (ASCII letters,
/// digits and `-`), not one the transport writes, not given twice (header
/// names ignore case). Allowed on GET and POST alike.
fn check_header<'a>(
    cx: &mut Ctxt,
    arg: &'a ast::Arg,
    lit: &LitStr,
    seen: &mut HashMap<String, &'a Ident>,
) -> Option<SentAs> {
    let name = lit.value();
    let lower = name.to_ascii_lowercase();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        cx.error_spanned_by(
            lit,
            format!("`{name}` is not an HTTP header name (ASCII letters, digits and `-`): write e.g. `#[header = \"Range\"]`"),
        );
        return None;
    }
    if RESERVED_HEADERS.contains(&lower.as_str()) {
        cx.error_spanned_by(
            lit,
            format!(
                "`{name}` is written by the HTTP client from the request itself: an argument cannot set it"
            ),
        );
        return None;
    }
    if let Some(prev) = seen.insert(lower, &arg.ident) {
        cx.error_spanned_by(
            lit,
            format!("header `{name}` is already sent by argument `{prev}`"),
        );
        return None;
    }
    Some(SentAs::Header(name))
}

/// A wire name (JSON field, query parameter, multipart part) is one WeCom
/// could use: ASCII letters, digits and `_`.
fn check_wire_name(cx: &mut Ctxt, arg: &ast::Arg, name: &str) {
    if is_wire_name(name) {
        return;
    }
    let (span, fix) = match &arg.role {
        Role::Query(Some(lit)) | Role::Field(lit) | Role::File(Some(lit)) => {
            (lit.span(), "write the name WeCom documents, e.g. \"userid\"")
        }
        // Header names have their own rule (`check_header`).
        Role::Body | Role::Header(_) => return,
        _ => (
            arg.ident.span(),
            "rename the argument, or give the wire name with `#[field = \"…\"]` / `#[query = \"…\"]`",
        ),
    };
    let message = if name.is_empty() {
        format!("the wire name cannot be empty: {fix}")
    } else {
        format!("`{name}` is not a WeCom parameter name (ASCII letters, digits and `_`): {fix}")
    };
    cx.error_at(span, message);
}

fn is_wire_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::is_wire_name;

    #[test]
    fn wire_names_are_plain() {
        assert!(is_wire_name("userid"));
        assert!(is_wire_name("media_type"));
        assert!(is_wire_name("type"));
        assert!(!is_wire_name(""));
        assert!(!is_wire_name("user id&x"));
        assert!(!is_wire_name("名字"));
    }
}
