//! The `#[api]` attribute: declares WeCom endpoints as annotated trait methods.
//!
//! Use it through `wecom-apis` (`wecom_apis::api`), which re-exports it with
//! the runtime it expands to.
//!
//! The macro follows the parse → validate → expand split of serde and
//! thiserror: `parse` (with `route` for the endpoint attribute) builds a
//! small model of what was written (`ast`), `valid` checks every rule,
//! reports all violations with the span of the offending token and keeps the
//! endpoints that pass (`model`), and `expand` writes those. A rejected
//! endpoint is reported and left out; the trait and its other endpoints are
//! still generated, so one mistake does not cascade into errors at every
//! call site.
#![warn(clippy::unwrap_used)]

mod ast;
mod ctxt;
mod expand;
mod model;
mod names;
mod parse;
mod route;
mod types;
mod valid;

use proc_macro::TokenStream;
use proc_macro_crate::{FoundCrate, crate_name};

/// Turns a trait of annotated `async fn` declarations into WeCom API calls.
///
/// Use it as `wecom_apis::api`: the example there is compiled with the
/// SDK (a proc-macro crate cannot run doctests that use the crate it
/// expands to, so this page keeps to the rules).
///
/// # Endpoint attribute
/// `#[get("path", token = KIND)]` or `#[post("path", token = KIND)]` on every method.
/// * `path` is a string literal relative to the client's base URL, which
///   already ends in `cgi-bin/`: `"license/get_order"`, with no scheme, no
///   leading `/`, no `cgi-bin/` and no query string.
/// * `token = corp | provider | suite | none` (a word, not a string) picks
///   the credential; it is sent under its kind's query parameter, defined by
///   the runtime on the kind's marker type (`Corp`, `Provider`, `Suite`):
///   `access_token`, `provider_access_token` or `suite_access_token`.
/// * `token_param = "name"` sends it under another name (WeCom has a few such endpoints).
/// * `page = cursor` or `page = offset` declares a paginated list; see
///   [Pagination](#pagination).
/// * `stream = name` names its stream method (`<method>_stream` by default).
/// * `alias = old_name` also generates a `#[deprecated]` method under the
///   endpoint's old name, calling the renamed one (kept for one release);
///   the registry still lists the endpoint once.
///
/// # Arguments
/// * bare `name: T` — a JSON field named `name` on POST, a query parameter on GET;
/// * `#[field = "wire"] name: T` — a JSON field under another name (POST);
/// * `#[query] name: T` / `#[query = "wire"] name: T` — a query parameter;
/// * `#[body] body: &T` — the whole JSON body (POST; not mixed with JSON fields);
/// * `#[file] media: &Upload` / `#[file = "wire"]` — sends the request as
///   `multipart/form-data` with this file (POST; other arguments must be `#[query]`).
/// * `#[header = "Name"] range: Option<ByteRange>` — an HTTP header (GET or
///   POST), e.g. `Range` for a ranged download; its name is ASCII letters,
///   digits and `-`, not one the HTTP client writes (`Content-Type`,
///   `Content-Length`, `Host`, `Transfer-Encoding`, `Connection`), and not
///   given twice. Its type is a string, a `ByteRange`, or an `Option` of one
///   (no header when `None`).
///
/// Wire names (the argument's name, or the one in `= "…"`) are WeCom
/// parameter names: ASCII letters, digits and `_`. Argument types are
/// concrete (no generics, no `impl Trait`), and each must fit its role,
/// checked on the argument's type:
/// * a JSON field or `#[body]`: any `serde::Serialize` type;
/// * a query parameter (`#[query]`, or a bare argument of a GET): a string
///   (`&str`, `String`, `Cow<str>`), an integer, a float, `bool` or `char`,
///   or an `Option` (left out when `None`), reference or `Box` of one. Lists
///   and structs are not query values; an enum that serializes to a string
///   or a number becomes one with `impl wecom_apis::request::QueryValue for MyEnum {}`
///   (the SDK's own code enums already are);
/// * a `#[file]`: `&Upload`, or anything `AsRef<Upload>`.
///
/// A `None` field or query value is left out.
///
/// # Return type
/// Methods are `async fn(&self, …) -> wecom_apis::Result<T>`, where `T` is an
/// owned `serde::Deserialize` type (`String`, not `&str`; no lifetimes).
/// `Result<()>` means the reply carries only `errcode`/`errmsg`,
/// `Result<Binary>` accepts a binary body (an image, a file) read whole while
/// still reporting JSON errors, and `Result<Download>` hands out a file
/// unread, to be streamed to a writer (token refresh and JSON errors are
/// handled before it is returned).
///
/// Method names must differ from the methods every client already has
/// (`runtime`, `corp`, `downstream`, `corp_group_member`,
/// `store_suite_ticket`, `token_cell`, `clone`), which calls would reach
/// instead.
///
/// # What is generated
/// The trait gets a provided method per endpoint returning a `Call<'_, T>`
/// (a `Send` future resolving to `Result<T>` that borrows only the client:
/// the arguments are encoded when the method is called), bounded by
/// `where Self: HasToken<Kind>`, and a blanket implementation for every
/// client. Calling an endpoint on a client without the credential it needs
/// is one compile error naming the missing credential. The declared return
/// type must be the SDK's `Result<T>`; another `Result` alias is a type error
/// on it.
///
/// Each endpoint's descriptor (a `wecom_apis::Endpoint`: method, path, token
/// kind and parameter, declaring trait and method) is a static next to the
/// trait, and the trait's descriptors are listed, in declaration order, in a
/// static named after it in SCREAMING_SNAKE_CASE plus `_ENDPOINTS`, with the
/// trait's visibility: `MyApi` gets `MY_API_ENDPOINTS: &[&Endpoint]`. (The
/// SDK's own are chained by `wecom_apis::endpoints()`.) Each method carries
/// `#[doc(alias = "<path>")]`, so rustdoc's search finds it by WeCom path.
///
/// Every misuse is a compile error on the offending token saying how to fix
/// it, all of them reported at once. A method with an error is left out of
/// the generated trait while the others are generated, so calls to them
/// still compile.
///
/// # Pagination
/// `page = …` on a list endpoint also generates, in the same trait, a
/// `<method>_stream` method (or the name given by `stream = name`) that
/// walks every page. The reply type must implement `CursorPage` (its items
/// and the next cursor: `Page::from_cursor`, or `Page::from_offset` for an
/// offset list); the option says which argument carries the cursor:
/// * `page = cursor` — the argument (a JSON field or query parameter) named
///   `cursor`; the stream method takes the other arguments. Without such an
///   argument, the `#[body]` carries it as its `cursor` field: the stream
///   method takes the body by value, and its `cursor` is the starting point;
/// * `page = offset` — the same with `offset`, a number sent as one, which
///   must move forward;
/// * `page = cursor("next_key")` — the cursor under another wire name;
/// * `page = cursor(limit = 1000)` — the page size: the argument named
///   `limit` is sent as 1000 and the stream method does not take it; with
///   the cursor in a `#[body]`, the body's `limit` is 1000 when it leaves
///   it unset (missing, `null` or 0). Both combine: `page = cursor("next_key", limit = 1000)`.
///
/// ```text
/// #[post("license/list_order_account", token = provider, page = cursor(limit = 1000))]
/// async fn list_order_account(&self, order_id: &str, cursor: Option<&str>, limit: Option<u32>)
///     -> Result<OrderAccountList>;
/// // also generates:
/// // fn list_order_account_stream(&self, order_id: &str) -> PageStream<'_, OrderAccountList>
/// ```
///
/// The stream (`wecom_apis::PageStream<'_, Reply>`, a `Send`
/// `Stream<Item = Result<Reply::Item>>` that borrows only the client)
/// encodes the request once and changes only the cursor from page to page;
/// a cursor seen before, or an offset that does not move forward, ends it
/// with `Error::Pagination`. A `page = …` the arguments cannot serve, and a
/// reply that is no `CursorPage`, are compile errors saying how to fix them.
///
/// # Options
/// `#[api(crate = path)]` names the runtime crate when it cannot be found in
/// Cargo.toml under `wecom-apis` or `wecom-core` (e.g. when re-exported).
#[proc_macro_attribute]
pub fn api(args: TokenStream, input: TokenStream) -> TokenStream {
    let mut cx = ctxt::Ctxt::default();
    let krate = parse::parse_args(&mut cx, args.into()).unwrap_or_else(default_crate_path);
    let mut out = match parse::parse_trait(&mut cx, input.into(), krate) {
        Some(api) => expand::expand(&valid::check(&mut cx, api)),
        None => proc_macro2::TokenStream::new(),
    };
    out.extend(cx.into_compile_errors());
    out.into()
}

/// Finds how the caller names the runtime: `wecom-apis` (possibly renamed,
/// e.g. `wecom = { package = "wecom-apis" }`), else `wecom-core`.
fn default_crate_path() -> syn::Path {
    for (package, itself) in [("wecom-apis", "wecom_apis"), ("wecom-core", "wecom_core")] {
        match crate_name(package) {
            // Inside the crate itself (and its doctests) `extern crate self as …` provides the name.
            Ok(FoundCrate::Itself) => return ident_path(itself),
            Ok(FoundCrate::Name(name)) => return ident_path(&name),
            Err(_) => continue,
        }
    }
    ident_path("wecom_apis")
}

fn ident_path(name: &str) -> syn::Path {
    let ident = syn::Ident::new(name, proc_macro2::Span::call_site());
    syn::parse_quote!(::#ident)
}
