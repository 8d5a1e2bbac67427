//! Parsing: turns the annotated trait into the `ast` model.
//! Only errors that prevent building the model are reported here; the rules
//! about what makes a valid endpoint live in [`valid`](crate::valid).

use proc_macro2::{Span, TokenStream};
use syn::parse::Parser;
use syn::spanned::Spanned;
use syn::{Attribute, FnArg, Ident, ItemTrait, LitStr, Meta, Pat, ReturnType, TraitItem, TraitItemFn};

use crate::ast::{Api, Arg, Endpoint, Receiver, Role, Route, Verb};
use crate::ctxt::Ctxt;
use crate::route;

/// Attributes of methods that pass through unchanged.
const PASSTHROUGH: &[&str] = &[
    "doc",
    "allow",
    "warn",
    "deny",
    "expect",
    "forbid",
    "deprecated",
    "cfg",
    "cfg_attr",
    "must_use",
];

/// HTTP verbs that WeCom never uses, named so the error can say so.
const OTHER_VERBS: &[&str] = &["put", "delete", "patch", "head", "options", "trace", "connect"];

/// Parses `#[api(...)]`'s arguments: only `crate = path`.
pub fn parse_args(cx: &mut Ctxt, args: TokenStream) -> Option<syn::Path> {
    let mut krate = None;
    let parser = syn::meta::parser(|meta| {
        if meta.path.is_ident("crate") {
            if krate.is_some() {
                return Err(meta.error("`crate` is given twice"));
            }
            let value = meta.value()?;
            krate = Some(if value.peek(LitStr) {
                value.parse::<LitStr>()?.parse::<syn::Path>()?
            } else {
                value.parse::<syn::Path>()?
            });
            Ok(())
        } else {
            Err(meta.error("unknown `api` option; the only option is `crate = path::to::wecom_apis`"))
        }
    });
    if let Err(e) = parser.parse2(args) {
        cx.push(e);
    }
    krate
}

/// Parses the trait. Returns `None` only when the input is not a trait at all.
pub fn parse_trait(cx: &mut Ctxt, input: TokenStream, krate: syn::Path) -> Option<Api> {
    let item: ItemTrait = match syn::parse2(input.clone()) {
        Ok(item) => item,
        Err(_) => {
            cx.error_spanned_by(
                first_tokens(input),
                "`#[api]` goes on a trait whose methods declare WeCom endpoints",
            );
            return None;
        }
    };
    if let Some(colon) = &item.colon_token {
        let supertraits = &item.supertraits;
        cx.error_spanned_by(
            quote::quote!(#colon #supertraits),
            "an `#[api]` trait cannot declare supertraits: it is implemented for every WeCom client",
        );
    }
    if let Some(unsafety) = &item.unsafety {
        cx.error_spanned_by(unsafety, "an `#[api]` trait cannot be `unsafe`");
    }
    let mut endpoints = Vec::new();
    for trait_item in item.items {
        match trait_item {
            TraitItem::Fn(method) => {
                endpoints.push(parse_method(cx, method));
            }
            other => cx.error_spanned_by(
                other,
                "an `#[api]` trait holds only endpoint methods (`#[post(\"path\", token = …)] async fn …`)",
            ),
        }
    }
    Some(Api {
        attrs: item.attrs,
        vis: item.vis,
        ident: item.ident,
        generics: item.generics,
        endpoints,
        krate,
    })
}

fn first_tokens(input: TokenStream) -> TokenStream {
    input.into_iter().take(2).collect()
}

fn parse_method(cx: &mut Ctxt, method: TraitItemFn) -> Endpoint {
    let errors_before = cx.error_count();
    let TraitItemFn {
        attrs, sig, default, ..
    } = method;
    let mut kept = Vec::new();
    let mut route: Option<Route> = None;
    // An attribute that was rejected may well have been meant as the endpoint
    // attribute: its error already says what to write, so no "missing" error.
    let mut saw_unknown = false;
    for attr in attrs {
        let name = attr.path().get_ident().map(Ident::to_string).unwrap_or_default();
        match name.as_str() {
            "get" | "post" => {
                let verb = if name == "get" { Verb::Get } else { Verb::Post };
                if route.is_some() {
                    cx.error_spanned_by(
                        attr.path(),
                        "an endpoint has exactly one `#[get(...)]` or `#[post(...)]`",
                    );
                    continue;
                }
                route = Some(route::parse_route(cx, &attr, verb));
            }
            n if PASSTHROUGH.contains(&n) => kept.push(attr),
            n => {
                saw_unknown = true;
                cx.error_spanned_by(attr.path(), unknown_attribute_message(n, attr.path()));
            }
        }
    }
    if route.is_none() && !saw_unknown {
        cx.error_spanned_by(
            &sig.ident,
            "missing endpoint attribute: add `#[post(\"family/action\", token = …)]` or `#[get(...)]` above this method",
        );
    }

    let mut receiver = Receiver::Missing;
    let mut args = Vec::new();
    for (index, input) in sig.inputs.iter().enumerate() {
        match input {
            FnArg::Receiver(r) => {
                receiver = if r.reference.is_some() && r.mutability.is_none() && r.colon_token.is_none() {
                    Receiver::RefSelf
                } else {
                    Receiver::Other(r.span())
                };
            }
            FnArg::Typed(pt) => {
                if let Pat::Ident(pi) = &*pt.pat
                    && index == 0
                    && pi.ident == "self"
                {
                    receiver = Receiver::Other(pt.span());
                    continue;
                }
                let ident = match &*pt.pat {
                    Pat::Ident(pi)
                        if pi.by_ref.is_none() && pi.mutability.is_none() && pi.subpat.is_none() =>
                    {
                        pi.ident.clone()
                    }
                    other => {
                        cx.error_spanned_by(
                            other,
                            "endpoint arguments must be plain names (`order_id: &str`): the name is the JSON field or query parameter",
                        );
                        continue;
                    }
                };
                let (role, role_span) = parse_arg_role(cx, &pt.attrs, ident.span());
                args.push(Arg {
                    ident,
                    ty: (*pt.ty).clone(),
                    role,
                    role_span,
                });
            }
        }
    }
    let output = match &sig.output {
        ReturnType::Default => None,
        ReturnType::Type(_, ty) => Some((**ty).clone()),
    };
    Endpoint {
        attrs: kept,
        ident: sig.ident.clone(),
        route,
        fn_span: sig.fn_token.span,
        is_async: sig.asyncness.is_some(),
        receiver,
        generics: sig.generics.clone(),
        default_body: default.map(|b| b.span()),
        args,
        output,
        rejected: cx.error_count() > errors_before,
    }
}

/// The error for an attribute that is neither an endpoint attribute nor one
/// that passes through.
fn unknown_attribute_message(name: &str, path: &syn::Path) -> String {
    let lower = name.to_ascii_lowercase();
    if lower == "get" || lower == "post" {
        format!("`{name}` is not an endpoint attribute: write `#[{lower}(...)]`, in lowercase")
    } else if OTHER_VERBS.contains(&lower.as_str()) {
        format!(
            "unknown HTTP verb attribute `#[{name}]`: WeCom endpoints are `#[get(...)]` or `#[post(...)]`"
        )
    } else {
        format!(
            "unknown attribute `#[{}]` on an endpoint: use `#[get(...)]` or `#[post(...)]`, plus doc comments, lint attributes or `#[deprecated]`",
            path_text(path)
        )
    }
}

/// Parses the role attribute of an argument.
fn parse_arg_role(cx: &mut Ctxt, attrs: &[Attribute], arg_span: Span) -> (Role, Span) {
    let mut role: Option<(Role, Span)> = None;
    for attr in attrs {
        let span = attr.path().span();
        let name = attr.path().get_ident().map(Ident::to_string).unwrap_or_default();
        let parsed = match (name.as_str(), &attr.meta) {
            ("body", Meta::Path(_)) => Ok(Role::Body),
            ("query", Meta::Path(_)) => Ok(Role::Query(None)),
            ("query", Meta::NameValue(nv)) => lit_str(&nv.value).map(|s| Role::Query(Some(s))),
            ("field", Meta::NameValue(nv)) => lit_str(&nv.value).map(Role::Field),
            ("file", Meta::Path(_)) => Ok(Role::File(None)),
            ("file", Meta::NameValue(nv)) => lit_str(&nv.value).map(|s| Role::File(Some(s))),
            ("header", Meta::NameValue(nv)) => lit_str(&nv.value).map(Role::Header),
            ("header", _) => Err(syn::Error::new_spanned(
                attr,
                "name the HTTP header: write `#[header = \"Range\"]`",
            )),
            ("body", _) => Err(syn::Error::new_spanned(attr, "`#[body]` takes no arguments")),
            ("query", Meta::List(_)) | ("field", _) | ("file", _) => Err(syn::Error::new_spanned(
                attr,
                format!("write `#[{name} = \"wire_name\"]`"),
            )),
            _ => Err(syn::Error::new(
                span,
                format!(
                    "unknown argument attribute `#[{}]`: use `#[body]`, `#[query]`, `#[query = \"name\"]`, `#[field = \"name\"]`, `#[file]` or `#[header = \"Name\"]`",
                    path_text(attr.path())
                ),
            )),
        };
        match parsed {
            Ok(r) => {
                if role.is_some() {
                    cx.error_at(
                        span,
                        "an argument has at most one of `#[body]`, `#[query]`, `#[field]`",
                    );
                } else {
                    role = Some((r, span));
                }
            }
            Err(e) => cx.push(e),
        }
    }
    role.unwrap_or((Role::Bare, arg_span))
}

/// A path as the user wrote it, e.g. `serde::rename`.
fn path_text(path: &syn::Path) -> String {
    path.segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

fn lit_str(expr: &syn::Expr) -> syn::Result<LitStr> {
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => Ok(s.clone()),
        other => Err(syn::Error::new_spanned(
            other,
            "expected a string literal, e.g. `\"corpid\"`",
        )),
    }
}
