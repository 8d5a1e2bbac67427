//! Parses the endpoint attribute, `#[get("path", token = kind, token_param = "name")]`.
//!
//! The arguments are split on top-level commas and each item is read by
//! hand, so every slip (a kind without `token =`, a quoted kind, a path that
//! is a constant …) is one error on the offending token, saying how to fix it,
//! rather than syn's bare "expected `=`" on the whole attribute.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::{Attribute, Ident, LitStr, Meta};

use crate::ast::{KINDS_HINT, PageKind, PageOpt, Route, TokenKind, Verb};
use crate::ctxt::Ctxt;

/// The options an endpoint attribute takes after its path.
const OPTIONS_HINT: &str = "the options are `token = …`, `token_param = \"…\"`, `page = cursor` / `page = offset`, `stream = name` and `alias = old_name`";

/// How `page = …` is written, for error messages.
const PAGE_HINT: &str = "write `page = cursor` or `page = offset`, optionally naming the cursor and fixing the page size: `page = cursor(\"next_cursor\", limit = 1000)`";

/// Parses one `#[get(...)]` / `#[post(...)]`. Every rejected part is reported
/// and marks the route `malformed`.
pub fn parse_route(cx: &mut Ctxt, attr: &Attribute, verb: Verb) -> Route {
    let mut route = Route {
        verb,
        attr_span: attr.path().span(),
        path: None,
        token: None,
        token_param: None,
        page: None,
        stream: None,
        alias: None,
        malformed: false,
    };
    let v = verb.attr_name();
    let tokens = match &attr.meta {
        Meta::List(list) if !list.tokens.is_empty() => list.tokens.clone(),
        _ => {
            cx.error_spanned_by(
                &attr.meta,
                format!("write `#[{v}(\"family/action\", token = …)]`: the path relative to the client's base URL, and the credential"),
            );
            route.malformed = true;
            return route;
        }
    };
    // The position among the real items: a stray comma does not move the path.
    let mut index = 0;
    for item in split_commas(tokens) {
        let parsed = match item {
            Item::Tokens(tokens) => {
                index += 1;
                parse_item(&mut route, index - 1, &tokens)
            }
            Item::StrayComma(span) => Err(syn::Error::new(
                span,
                format!("unexpected `,`: write `#[{v}(\"family/action\", token = …)]`"),
            )),
        };
        if let Err(e) = parsed {
            cx.push(e);
            route.malformed = true;
        }
    }
    route
}

/// One comma-separated part of the attribute.
enum Item {
    Tokens(Vec<TokenTree>),
    /// A comma with nothing before it (`(, token = corp)`, `("p",, …)`).
    StrayComma(Span),
}

/// Splits on top-level commas; a single trailing comma is allowed.
fn split_commas(tokens: TokenStream) -> Vec<Item> {
    let mut items = Vec::new();
    let mut current = Vec::new();
    for tt in tokens {
        match &tt {
            TokenTree::Punct(p) if p.as_char() == ',' => {
                if current.is_empty() {
                    items.push(Item::StrayComma(p.span()));
                } else {
                    items.push(Item::Tokens(std::mem::take(&mut current)));
                }
            }
            _ => current.push(tt),
        }
    }
    if !current.is_empty() {
        items.push(Item::Tokens(current));
    }
    items
}

fn parse_item(route: &mut Route, index: usize, tokens: &[TokenTree]) -> syn::Result<()> {
    let v = route.verb.attr_name();
    if let Some(lit) = tokens.first().and_then(lit_str) {
        if let Some(extra) = tokens.get(1) {
            return Err(syn::Error::new(extra.span(), "expected `,` after the path"));
        }
        if index > 0 {
            let message = if route.path.is_some() {
                format!("unexpected string: an endpoint has one path; {OPTIONS_HINT}")
            } else {
                format!("the path comes first: write `#[{v}({}, token = …)]`", lit.token())
            };
            return Err(syn::Error::new(lit.span(), message));
        }
        route.path = Some(lit);
        return Ok(());
    }
    match tokens {
        [TokenTree::Ident(key), TokenTree::Punct(eq), value @ ..] if eq.as_char() == '=' => {
            parse_option(route, key, eq.span(), value)
        }
        [TokenTree::Ident(word)] => Err(syn::Error::new(word.span(), bare_word_message(v, index, word))),
        _ if index == 0 => Err(syn::Error::new_spanned(
            stream(tokens),
            path_not_literal_message(v),
        )),
        _ => Err(syn::Error::new_spanned(
            stream(tokens),
            format!("expected an option: {OPTIONS_HINT}"),
        )),
    }
}

/// Parses `key = value`.
fn parse_option(route: &mut Route, key: &Ident, eq: Span, value: &[TokenTree]) -> syn::Result<()> {
    let v = route.verb.attr_name();
    let name = key.to_string();
    if name == "page" {
        if route.page.is_some() {
            return Err(syn::Error::new(key.span(), "`page` is given twice"));
        }
        let mut tokens = quote::quote!(#key);
        tokens.extend(
            std::iter::once(TokenTree::Punct(proc_macro2::Punct::new(
                '=',
                proc_macro2::Spacing::Alone,
            )))
            .map(|mut tt| {
                tt.set_span(eq);
                tt
            }),
        );
        tokens.extend(value.iter().cloned());
        route.page = Some(parse_page(tokens, eq, value)?);
        return Ok(());
    }
    if let Some(extra) = value.get(1) {
        return Err(syn::Error::new(
            extra.span(),
            format!("expected `,` after `{name} = …`"),
        ));
    }
    match name.as_str() {
        "token" => {
            if route.token.is_some() {
                return Err(syn::Error::new(
                    key.span(),
                    "`token` is given twice; an endpoint uses exactly one credential",
                ));
            }
            let kind = match value.first() {
                None => {
                    return Err(syn::Error::new(
                        eq,
                        format!("missing token kind after `=`: write `token = corp` ({KINDS_HINT})"),
                    ));
                }
                Some(TokenTree::Ident(kind)) => kind,
                Some(other) => return Err(token_value_error(other)),
            };
            match TokenKind::from_ident(kind) {
                Some(k) => {
                    route.token = Some((k, kind.span()));
                    Ok(())
                }
                None => Err(syn::Error::new(
                    kind.span(),
                    format!("unknown token kind `{kind}`: use {KINDS_HINT}"),
                )),
            }
        }
        "token_param" => {
            if route.token_param.is_some() {
                return Err(syn::Error::new(key.span(), "`token_param` is given twice"));
            }
            match value.first() {
                None => Err(syn::Error::new(
                    eq,
                    "missing name after `=`: write `token_param = \"access_token\"`",
                )),
                Some(tt) => match lit_str(tt) {
                    Some(lit) => {
                        route.token_param = Some(lit);
                        Ok(())
                    }
                    None => Err(syn::Error::new(
                        tt.span(),
                        format!("the parameter name is a string: write `token_param = \"{tt}\"`"),
                    )),
                },
            }
        }
        "alias" => {
            if route.alias.is_some() {
                return Err(syn::Error::new(
                    key.span(),
                    "`alias` is given twice; a renamed endpoint keeps one old name",
                ));
            }
            match value.first() {
                Some(TokenTree::Ident(ident)) => {
                    route.alias = Some(ident.clone());
                    Ok(())
                }
                Some(tt) => Err(syn::Error::new(
                    tt.span(),
                    "the old method name is a word: write e.g. `alias = moment_strategy_get_range`",
                )),
                None => Err(syn::Error::new(
                    eq,
                    "missing name after `=`: write the method's old name, e.g. `alias = moment_strategy_get_range`",
                )),
            }
        }
        "stream" => {
            if route.stream.is_some() {
                return Err(syn::Error::new(key.span(), "`stream` is given twice"));
            }
            match value.first() {
                Some(TokenTree::Ident(ident)) => {
                    route.stream = Some(ident.clone());
                    Ok(())
                }
                Some(tt) => Err(syn::Error::new(
                    tt.span(),
                    "the stream method's name is a word: write e.g. `stream = list_order_stream`",
                )),
                None => Err(syn::Error::new(
                    eq,
                    "missing name after `=`: write e.g. `stream = list_order_stream`",
                )),
            }
        }
        "path" => Err(syn::Error::new(
            key.span(),
            format!("the path is not named: write it first, `#[{v}(\"family/action\", token = …)]`"),
        )),
        other => Err(syn::Error::new(
            key.span(),
            format!("unknown endpoint option `{other}`: {OPTIONS_HINT}"),
        )),
    }
}

/// Parses the value of `page = …`: `cursor`, `offset`, then optionally
/// `("name")`, `(limit = N)` or `("name", limit = N)`.
fn parse_page(tokens: TokenStream, eq: Span, value: &[TokenTree]) -> syn::Result<PageOpt> {
    let (word, args) = match value {
        [] => {
            return Err(syn::Error::new(
                eq,
                format!("missing page kind after `=`: {PAGE_HINT}"),
            ));
        }
        [TokenTree::Ident(word)] => (word, None),
        [TokenTree::Ident(word), TokenTree::Group(g)] if g.delimiter() == Delimiter::Parenthesis => {
            (word, Some(g))
        }
        [TokenTree::Ident(_), extra, ..] | [extra, ..] => {
            let message = match lit_str(extra) {
                Some(lit) if PageKind::from_name(&lit.value()).is_some() => format!(
                    "the page kind is a word, not a string: write `page = {}`",
                    lit.value()
                ),
                _ => format!("unexpected token in `page = …`: {PAGE_HINT}"),
            };
            return Err(syn::Error::new(extra.span(), message));
        }
    };
    let Some(kind) = PageKind::from_name(&word.to_string()) else {
        return Err(syn::Error::new(
            word.span(),
            format!(
                "unknown page kind `{word}`: a list is paged by `cursor` (a `next_cursor` string) or `offset` (a number); {PAGE_HINT}"
            ),
        ));
    };
    let mut page = PageOpt {
        kind,
        tokens,
        name: None,
        size: None,
    };
    let Some(args) = args else { return Ok(page) };
    let items = split_commas(args.stream());
    if items.is_empty() {
        return Err(syn::Error::new(
            args.span(),
            format!("empty parentheses: {PAGE_HINT}"),
        ));
    }
    for (index, item) in items.into_iter().enumerate() {
        let tokens = match item {
            Item::Tokens(tokens) => tokens,
            Item::StrayComma(comma) => {
                return Err(syn::Error::new(comma, format!("unexpected `,`: {PAGE_HINT}")));
            }
        };
        match tokens.as_slice() {
            [tt] if index == 0 && lit_str(tt).is_some() => page.name = lit_str(tt),
            [TokenTree::Ident(key), TokenTree::Punct(p), TokenTree::Literal(n)] if p.as_char() == '=' => {
                if page.size.is_some() {
                    return Err(syn::Error::new(key.span(), "the page size is given twice"));
                }
                let n: syn::LitInt = syn::parse2(n.to_token_stream()).map_err(|_| {
                    syn::Error::new(
                        n.span(),
                        format!("the page size is a number: write `{key} = 1000`"),
                    )
                })?;
                page.size = Some((key.clone(), n));
            }
            other => {
                return Err(syn::Error::new_spanned(
                    stream(other),
                    format!(
                        "expected the cursor's name (`\"next_cursor\"`, first) or the page size (`limit = 1000`): {PAGE_HINT}"
                    ),
                ));
            }
        }
    }
    Ok(page)
}

/// The error for `token = <not an identifier>`.
fn token_value_error(value: &TokenTree) -> syn::Error {
    let message = match lit_str(value) {
        Some(lit) if is_kind(&lit.value()) => {
            format!(
                "the token kind is a word, not a string: write `token = {}`",
                lit.value()
            )
        }
        Some(_) => format!("the token kind is a word, not a string: use {KINDS_HINT}"),
        None => format!("expected a token kind: {KINDS_HINT}"),
    };
    syn::Error::new(value.span(), message)
}

fn is_kind(text: &str) -> bool {
    TokenKind::from_name(text).is_some()
}

/// The error for a lone word: a kind without `token =`, an option without a
/// value, or a path given as a constant.
fn bare_word_message(v: &str, index: usize, word: &Ident) -> String {
    let text = word.to_string();
    if TokenKind::from_ident(word).is_some() {
        format!("write `token = {text}`: the credential is given as `token = …`")
    } else if text == "token" {
        format!("`token` needs a kind: write `token = corp` ({KINDS_HINT})")
    } else if text == "page" {
        format!("`page` needs a kind: {PAGE_HINT}")
    } else if PageKind::from_name(&text).is_some() && index > 0 {
        format!("write `page = {text}`: a paginated list is declared with `page = …`")
    } else if text == "token_param" {
        "`token_param` needs a name: write `token_param = \"access_token\"`".to_string()
    } else if index == 0 {
        path_not_literal_message(v)
    } else {
        format!("unknown endpoint option `{text}`: {OPTIONS_HINT}")
    }
}

fn path_not_literal_message(v: &str) -> String {
    format!(
        "the path must be a string literal: write `#[{v}(\"family/action\", token = …)]` (the macro reads it at compile time, so a constant or macro cannot stand here)"
    )
}

/// The token as a string literal, if it is one (raw strings included).
fn lit_str(tt: &TokenTree) -> Option<LitStr> {
    match tt {
        TokenTree::Literal(_) => syn::parse2::<LitStr>(tt.to_token_stream()).ok(),
        // A literal passed through a `macro_rules!` fragment arrives in an invisible group.
        TokenTree::Group(g) if g.delimiter() == Delimiter::None => syn::parse2::<LitStr>(g.stream()).ok(),
        _ => None,
    }
}

fn stream(tokens: &[TokenTree]) -> TokenStream {
    tokens.iter().cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses an attribute; the route and how many errors it gave.
    fn parse(attr: Attribute) -> (Route, usize) {
        let mut cx = Ctxt::default();
        let route = parse_route(&mut cx, &attr, Verb::Get);
        (route, cx.error_count())
    }

    #[test]
    fn a_valid_route_has_every_part() {
        let (route, errors) =
            parse(syn::parse_quote!(#[get("user/get", token = corp, token_param = "access_token",)]));
        assert_eq!(errors, 0);
        assert!(!route.malformed);
        assert_eq!(route.path.map(|p| p.value()).as_deref(), Some("user/get"));
        assert!(matches!(route.token, Some((TokenKind::Corp, _))));
        assert_eq!(
            route.token_param.map(|p| p.value()).as_deref(),
            Some("access_token")
        );
    }

    #[test]
    fn a_paged_route_has_its_cursor_size_and_stream() {
        let (route, errors) = parse(syn::parse_quote!(
            #[get("x/list", token = corp, page = cursor("next_key", limit = 1000), stream = all_x)]
        ));
        assert_eq!(errors, 0);
        let page = route.page.expect("page");
        assert!(page.kind == PageKind::Cursor);
        assert_eq!(page.name.map(|n| n.value()).as_deref(), Some("next_key"));
        let (key, n) = page.size.expect("size");
        assert_eq!(
            (key.to_string(), n.base10_digits()),
            ("limit".to_string(), "1000")
        );
        assert_eq!(route.stream.map(|s| s.to_string()).as_deref(), Some("all_x"));
        let (offset, errors) = parse(syn::parse_quote!(#[get("x/list", token = corp, page = offset)]));
        assert_eq!(errors, 0);
        assert!(
            offset
                .page
                .is_some_and(|p| p.kind == PageKind::Offset && p.name.is_none())
        );
    }

    #[test]
    fn each_page_slip_is_one_error() {
        let slips: Vec<Attribute> = vec![
            syn::parse_quote!(#[get("x/list", token = corp, page = pages)]),
            syn::parse_quote!(#[get("x/list", token = corp, page = "cursor")]),
            syn::parse_quote!(#[get("x/list", token = corp, page)]),
            syn::parse_quote!(#[get("x/list", token = corp, page =)]),
            syn::parse_quote!(#[get("x/list", token = corp, cursor)]),
            syn::parse_quote!(#[get("x/list", token = corp, page = cursor(1000))]),
            syn::parse_quote!(#[get("x/list", token = corp, page = cursor(limit = many))]),
            syn::parse_quote!(#[get("x/list", token = corp, page = cursor())]),
            syn::parse_quote!(#[get("x/list", token = corp, page = cursor, page = offset)]),
            syn::parse_quote!(#[get("x/list", token = corp, page = cursor, stream = "s")]),
        ];
        for attr in slips {
            let shown = quote::quote!(#attr).to_string();
            let (route, errors) = parse(attr);
            assert_eq!(errors, 1, "{shown}");
            assert!(route.malformed, "{shown}");
        }
    }

    #[test]
    fn each_slip_is_one_error() {
        let slips: Vec<Attribute> = vec![
            syn::parse_quote!(#[get("user/get", corp)]),
            syn::parse_quote!(#[get("user/get", token = "corp")]),
            syn::parse_quote!(#[get(PATH, token = corp)]),
            syn::parse_quote!(#[get(paths::USER_GET, token = corp)]),
            syn::parse_quote!(#[get("user/get" token = corp)]),
            syn::parse_quote!(#[get(, "user/get", token = corp)]),
            syn::parse_quote!(#[get("user/get", token = corp provider)]),
            syn::parse_quote!(#[get("user/get", token_param = access_token, token = corp)]),
            syn::parse_quote!(#[get]),
            syn::parse_quote!(#[get()]),
        ];
        for attr in slips {
            let shown = quote::quote!(#attr).to_string();
            let (route, errors) = parse(attr);
            assert_eq!(errors, 1, "{shown}");
            assert!(route.malformed, "{shown}");
        }
    }
}
