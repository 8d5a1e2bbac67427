//! Validation: every rule an endpoint declaration must follow, checked in one
//! pass that reports all violations, each spanned on the offending token.

use std::collections::HashMap;

use proc_macro2::Span;
use syn::{GenericArgument, PathArguments, Type};

use crate::ast::{Api, Endpoint, Receiver, Role, TokenKind, Verb};
use crate::ctxt::Ctxt;

/// Checks the whole trait.
pub fn check(cx: &mut Ctxt, api: &Api) {
    if !api.generics.params.is_empty() || api.generics.where_clause.is_some() {
        cx.error_spanned_by(&api.generics, "an `#[api]` trait cannot be generic");
    }
    let mut names: HashMap<String, Span> = HashMap::new();
    for ep in &api.endpoints {
        check_endpoint(cx, ep);
        if names.insert(ep.ident.to_string(), ep.ident.span()).is_some() {
            cx.error_spanned_by(&ep.ident, format!("`{}` is declared twice", ep.ident));
        }
    }
}

fn check_endpoint(cx: &mut Ctxt, ep: &Endpoint) {
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
    match &ep.output {
        None => cx.error_spanned_by(&ep.ident, "missing return type: endpoints return `wecom_apis::Result<T>` (`Result<()>` when WeCom replies with only errcode/errmsg)"),
        Some(ty) if result_payload(ty).is_none() => cx.error_spanned_by(
            ty,
            "endpoints return the SDK's `Result<T>` (`wecom_apis::Result<T>`, one type argument): WeCom's errors are always `wecom_apis::Error`",
        ),
        Some(_) => {}
    }
    if let Some(route) = &ep.route {
        check_route(cx, route);
        check_args(cx, ep, route.verb);
    }
}

fn check_route(cx: &mut Ctxt, route: &crate::ast::Route) {
    if route.malformed {
        return;
    }
    let verb = if route.verb == Verb::Get { "get" } else { "post" };
    match &route.path {
        None => cx.error_at(
            route.attr_span,
            format!("missing path: write `#[{verb}(\"family/action\", token = …)]`, the path relative to the client's base URL"),
        ),
        Some(lit) => {
            let path = lit.value();
            if path.starts_with("http://") || path.starts_with("https://") || path.contains("://") {
                cx.error_spanned_by(
                    lit,
                    "the path is relative to the client's base URL: write e.g. \"license/get_order\", not a full URL",
                );
            } else if path.starts_with('/') {
                cx.error_spanned_by(
                    lit,
                    format!("remove the leading `/`: the path is relative to the base URL (\"{}\")", path.trim_start_matches('/')),
                );
            } else if path.is_empty() {
                cx.error_spanned_by(lit, "the path is empty: write e.g. \"license/get_order\"");
            } else if let Some(bad) = path.chars().find(|c| c.is_whitespace() || matches!(c, '?' | '#' | '&' | '=')) {
                cx.error_spanned_by(
                    lit,
                    format!("the path cannot contain {bad:?}: put query parameters in arguments marked `#[query]`"),
                );
            }
        }
    }
    match route.token {
        None => cx.error_at(
            route.attr_span,
            "missing `token = …`: say which credential this endpoint needs (`corp`, `provider`, `suite` or `none`)",
        ),
        Some((TokenKind::None, span)) if route.token_param.is_some() => {
            let _ = span;
            cx.error_spanned_by(
                route.token_param.as_ref(),
                "`token_param` renames the token's query parameter, but this endpoint sends no token (`token = none`)",
            );
        }
        _ => {}
    }
    if let Some(param) = &route.token_param {
        let name = param.value();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            cx.error_spanned_by(
                param,
                "`token_param` must be a query parameter name such as \"access_token\"",
            );
        }
    }
}

fn check_args(cx: &mut Ctxt, ep: &Endpoint, verb: Verb) {
    let body = ep
        .args
        .iter()
        .find(|a| matches!(a.role, Role::Body | Role::File(_)));
    let mut seen_body = false;
    let mut json_names: HashMap<String, &syn::Ident> = HashMap::new();
    let mut query_names: HashMap<String, &syn::Ident> = HashMap::new();
    let token_param = ep.route.as_ref().and_then(|r| {
        r.token_param
            .as_ref()
            .map(syn::LitStr::value)
            .or_else(|| r.token.and_then(|(k, _)| k.default_param()).map(str::to_string))
    });
    for arg in &ep.args {
        let name = arg.wire_name();
        match (&arg.role, verb) {
            (Role::Body, Verb::Get) => cx.error_at(
                arg.role_span,
                "a GET request has no body: pass the values as bare arguments or `#[query]` arguments",
            ),
            (Role::File(_), Verb::Get) => cx.error_at(
                arg.role_span,
                "a GET request cannot upload a file: use `#[post(...)]`",
            ),
            (Role::Body | Role::File(_), Verb::Post) => {
                if seen_body {
                    cx.error_at(
                        arg.role_span,
                        "only one argument can be the request body (`#[body]` or `#[file]`)",
                    );
                }
                seen_body = true;
            }
            (Role::Field(_), Verb::Get) => cx.error_at(
                arg.role_span,
                "a GET request has no JSON body: use `#[query = \"name\"]` to rename a query parameter",
            ),
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
            }
            (Role::Query(_), _) | (Role::Bare, Verb::Get) => {
                if token_param.as_deref() == Some(name.as_str()) {
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
            }
        }
        if name.is_empty() {
            cx.error_at(arg.role_span, "the wire name cannot be empty");
        }
    }
}

/// `T` of a return type spelled `…::Result<T>`.
pub fn result_payload(ty: &Type) -> Option<&Type> {
    let Type::Path(tp) = ty else { return None };
    if tp.qself.is_some() {
        return None;
    }
    let last = tp.path.segments.last()?;
    if last.ident != "Result" {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    if args.args.len() != 1 {
        return None;
    }
    match args.args.first()? {
        GenericArgument::Type(t) => Some(t),
        _ => None,
    }
}

/// Whether `T` is `()`.
pub fn is_unit(ty: &Type) -> bool {
    matches!(ty, Type::Tuple(t) if t.elems.is_empty())
}
