//! Expansion: writes the trait with one default method body per endpoint and
//! a blanket implementation for every client, from the checked model.
//!
//! Each argument goes through the runtime trait of its role (`JsonBody`,
//! `JsonField`, `QueryValue`, `FilePart`) and the reply through `Reply`,
//! called as `<Type as Trait>::…` on the type's span, so a type that cannot
//! be used that way is one error on that type, in the trait's words.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::Verb;
use crate::model::{Api, Arg, Endpoint, SentAs};
use crate::types;

/// Expands a checked [`Api`].
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
    let pm = quote!(#krate::__private);
    let Endpoint {
        attrs,
        ident: name,
        path,
        output,
        payload,
        ..
    } = ep;
    let method = match ep.verb {
        Verb::Get => quote!(#pm::Method::Get),
        Verb::Post => quote!(#pm::Method::Post),
    };
    let token_param = match &ep.token_param {
        Some(p) => quote!(::core::option::Option::Some(#p)),
        None => quote!(::core::option::Option::None),
    };
    let (bound, cell) = match &ep.credential {
        Some(marker) => {
            let span = marker.span();
            (
                // Spanned on `token = KIND`, so a missing-credential error points there.
                respan(quote!(where Self: #pm::HasToken<#pm::#marker>), span),
                quote!(::core::option::Option::Some(<Self as #pm::HasToken<#pm::#marker>>::token_cell(self))),
            )
        }
        None => (quote!(), quote!(::core::option::Option::None)),
    };

    let params = ep.args.iter().map(|a| {
        let (id, ty) = (&a.ident, &a.ty);
        quote!(#id: #ty)
    });
    let mut steps = Vec::new();
    let mut fields = Vec::new();
    for arg in &ep.args {
        let (ty, value) = sent_value(arg);
        let span = ty.span();
        match &arg.sent_as {
            SentAs::Body => steps.push(quote_spanned! {span=>
                let __wecom_request = <#ty as #pm::JsonBody>::__set_body(#value, __wecom_request);
            }),
            SentAs::File(wire) => steps.push(quote_spanned! {span=>
                let __wecom_request = <#ty as #pm::FilePart>::__add_file(#value, __wecom_request, #wire);
            }),
            SentAs::Query(wire) => steps.push(quote_spanned! {span=>
                let __wecom_request = <#ty as #pm::QueryValue>::__add_query(#value, __wecom_request, #wire);
            }),
            SentAs::Field(wire) => fields.push(quote_spanned! {span=>
                <#ty as #pm::JsonField>::__add_field(#value, &mut __wecom_fields, #wire);
            }),
        }
    }
    if !fields.is_empty() {
        steps.push(quote! {
            let mut __wecom_fields = #pm::JsonFields::new();
            #(#fields)*
            let __wecom_request = __wecom_request.fields(__wecom_fields);
        });
    }
    let runtime = quote!(#pm::ApiClient::runtime(self));
    let call = if ep.unit {
        quote!(#pm::Call::new(#pm::execute_unit(#runtime, #cell, __wecom_request)))
    } else {
        quote_spanned!(payload.span()=> <#payload as #pm::Reply>::__call(#runtime, #cell, __wecom_request))
    };
    // The declared `…Result<T>` must be the SDK's: a mismatch is reported on it.
    let output_check = quote_spanned! {output.span()=>
        let _: ::core::marker::PhantomData<#output> = ::core::marker::PhantomData::<#pm::Result<#payload>>;
    };
    let summary = format!(
        "\n\n**Endpoint:** `{} {}`{}",
        ep.verb.as_str(),
        path.value(),
        match &ep.token_param {
            Some(p) => format!(", token sent as `{p}`."),
            None => ", no token.".to_string(),
        }
    );
    quote! {
        #(#attrs)*
        #[doc = #summary]
        fn #name<'__wecom>(&'__wecom self, #(#params),*) -> #pm::Call<'__wecom, #payload>
        #bound
        {
            #output_check
            static __WECOM_ENDPOINT: #pm::Endpoint = #pm::Endpoint::new(#method, #path, #token_param);
            let __wecom_request = #pm::Request::new(&__WECOM_ENDPOINT);
            #(#steps)*
            #call
        }
    }
}

/// The type an argument is checked as, and the expression for a reference to
/// its value. A reference argument (`order: &NewOrder`) is checked as its
/// referent, so an error names `NewOrder`, the type to fix.
fn sent_value(arg: &Arg) -> (&syn::Type, TokenStream) {
    let id = &arg.ident;
    match types::referent(&arg.ty) {
        Some(referent) => (referent, quote!(&*#id)),
        None => (&arg.ty, quote!(&#id)),
    }
}

/// Gives every token of `tokens` the span `span`.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
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
