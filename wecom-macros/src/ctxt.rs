//! Collects every error found in one macro invocation, so the user sees them
//! all at once instead of fixing one per build (as serde's `Ctxt` does).

use std::fmt::Display;

use proc_macro2::TokenStream;
use quote::ToTokens;

/// An error accumulator.
#[derive(Default)]
pub struct Ctxt {
    errors: Option<syn::Error>,
    count: usize,
}

impl Ctxt {
    /// Records an error spanned on `tokens`.
    pub fn error_spanned_by<T: ToTokens, M: Display>(&mut self, tokens: T, message: M) {
        self.push(syn::Error::new_spanned(tokens.into_token_stream(), message));
    }

    /// Records an error at `span`.
    pub fn error_at<M: Display>(&mut self, span: proc_macro2::Span, message: M) {
        self.push(syn::Error::new(span, message));
    }

    /// Records a ready-made error.
    pub fn push(&mut self, err: syn::Error) {
        self.count += 1;
        match &mut self.errors {
            Some(all) => all.combine(err),
            None => self.errors = Some(err),
        }
    }

    /// How many errors were recorded so far: comparing two counts tells
    /// whether the checks in between found anything.
    pub fn error_count(&self) -> usize {
        self.count
    }

    /// The errors as `compile_error!`s (nothing when none was recorded).
    pub fn into_compile_errors(self) -> TokenStream {
        self.errors.map(|e| e.to_compile_error()).unwrap_or_default()
    }
}
