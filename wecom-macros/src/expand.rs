//! Expansion: writes the trait with one default method body per endpoint and
//! a blanket implementation for every client. Runs only on a valid model.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::{Api, Endpoint, Role, Verb};
use crate::valid::{is_unit, result_payload};

/// Expands a validated [`Api`].
pub fn expand(api: &Api) -> TokenStream {
    let Api {
        attrs,
        vis,
        ident,
        krate,
        ..
    } = api;
    let methods = api.endpoints.iter().map(|ep| expand_endpoint(krate, ep));
    let client = format_ident!("__WecomClient");
    quote! {
        #(#attrs)*
        #vis trait #ident: #krate::__private::ApiClient {
            #(#methods)*
        }

        impl<#client: #krate::__private::ApiClient + ?::core::marker::Sized> #ident for #client {}
    }
}

fn expand_endpoint(krate: &syn::Path, ep: &Endpoint) -> TokenStream {
    let Some(route) = &ep.route else {
        return TokenStream::new();
    };
    let Some(path) = &route.path else {
        return TokenStream::new();
    };
    let Some((kind, kind_span)) = route.token else {
        return TokenStream::new();
    };
    let Some(output) = &ep.output else {
        return TokenStream::new();
    };
    let Some(payload) = result_payload(output) else {
        return TokenStream::new();
    };
    let pm = quote!(#krate::__private);
    let attrs = &ep.attrs;
    let name = &ep.ident;
    let method = match route.verb {
        Verb::Get => quote!(#pm::Method::Get),
        Verb::Post => quote!(#pm::Method::Post),
    };
    let token_param = match route.token_param.as_ref().map(syn::LitStr::value) {
        Some(p) => Some(p),
        None => kind.default_param().map(str::to_string),
    };
    let token_param_tokens = match &token_param {
        Some(p) => quote!(::core::option::Option::Some(#p)),
        None => quote!(::core::option::Option::None),
    };
    let (bound, cell) = match kind.marker() {
        Some(marker) => {
            let marker = syn::Ident::new(marker, kind_span);
            (
                // Spanned on `token = KIND`, so a missing-credential error points there.
                respan(
                    quote_spanned!(kind_span=> where Self: #pm::HasToken<#pm::#marker>),
                    kind_span,
                ),
                quote!(::core::option::Option::Some(<Self as #pm::HasToken<#pm::#marker>>::token_cell(self))),
            )
        }
        None => (quote!(), quote!(::core::option::Option::None)),
    };

    let args = ep.args.iter().map(|a| {
        let (id, ty) = (&a.ident, &a.ty);
        quote!(#id: #ty)
    });
    let mut steps = Vec::new();
    let mut fields = Vec::new();
    for arg in &ep.args {
        let id = &arg.ident;
        let wire = arg.wire_name();
        match (&arg.role, route.verb) {
            (Role::Body, _) => steps.push(quote!(let __wecom_request = __wecom_request.json(&#id);)),
            (Role::File(_), _) => steps.push(quote! {
                let __wecom_request =
                    __wecom_request.file(#wire, ::core::convert::AsRef::<#pm::Upload>::as_ref(&#id));
            }),
            (Role::Query(_), _) | (Role::Bare, Verb::Get) => {
                steps.push(quote!(let __wecom_request = __wecom_request.query(#wire, &#id);))
            }
            (Role::Bare | Role::Field(_), _) => fields.push(quote!(__wecom_fields.field(#wire, &#id);)),
        }
    }
    if !fields.is_empty() {
        steps.push(quote! {
            let mut __wecom_fields = #pm::JsonFields::new();
            #(#fields)*
            let __wecom_request = __wecom_request.fields(__wecom_fields);
        });
    }
    let run = if is_unit(payload) {
        quote!(#pm::execute_unit(#pm::ApiClient::runtime(self), #cell, __wecom_request))
    } else {
        quote!(#pm::execute::<#payload>(#pm::ApiClient::runtime(self), #cell, __wecom_request))
    };
    // The declared `…Result<T>` must be the SDK's: a mismatch is reported on it.
    let output_check = quote_spanned! {output.span()=>
        let _: ::core::marker::PhantomData<#output> = ::core::marker::PhantomData::<#pm::Result<#payload>>;
    };
    let summary = format!(
        "\n\n**Endpoint:** `{} {}`{}",
        route.verb.as_str(),
        path.value(),
        match &token_param {
            Some(p) => format!(", token sent as `{p}`."),
            None => ", no token.".to_string(),
        }
    );
    quote! {
        #(#attrs)*
        #[doc = #summary]
        fn #name<'__wecom>(&'__wecom self, #(#args),*) -> #pm::Call<'__wecom, #payload>
        #bound
        {
            #output_check
            static __WECOM_ENDPOINT: #pm::Endpoint = #pm::Endpoint::new(#method, #path, #token_param_tokens);
            let __wecom_request = #pm::Request::new(&__WECOM_ENDPOINT);
            #(#steps)*
            #pm::Call::new(#run)
        }
    }
}

/// Gives every token of `tokens` the span `span`.
fn respan(tokens: TokenStream, span: proc_macro2::Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tt| {
            if let proc_macro2::TokenTree::Group(g) = &tt {
                let mut group = proc_macro2::Group::new(g.delimiter(), respan(g.stream(), span));
                group.set_span(span);
                tt = proc_macro2::TokenTree::Group(group);
            } else {
                tt.set_span(span);
            }
            tt
        })
        .collect()
}
