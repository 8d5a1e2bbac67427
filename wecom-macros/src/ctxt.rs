//! Collects every error found in one macro invocation, so the user sees them
//! all at once instead of fixing one per build (as serde's `Ctxt` does).

use std::fmt::Display;

use proc_macro2::TokenStream;
use quote::ToTokens;

/// An error accumulator.
#[derive(Default)]
pub struct Ctxt {
    errors: Option<syn::Error>,
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
        match &mut self.errors {
            Some(all) => all.combine(err),
            None => self.errors = Some(err),
        }
    }

    /// `Ok` when nothing was recorded, otherwise the errors as `compile_error!`s.
    pub fn check(self) -> Result<(), TokenStream> {
        match self.errors {
            None => Ok(()),
            Some(err) => Err(err.to_compile_error()),
        }
    }
}
