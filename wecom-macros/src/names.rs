//! The names of the items generated next to a trait: each endpoint's
//! descriptor static and the trait's list of them.

use proc_macro2::Ident;
use quote::format_ident;

/// `LicenseApi` → `LICENSE_API`, `get_order` → `GET_ORDER`, `HTTPApi` → `HTTP_API`.
pub fn screaming(ident: &Ident) -> String {
    let text = ident.to_string();
    let chars: Vec<char> = text.trim_start_matches("r#").chars().collect();
    let mut out = String::with_capacity(chars.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if prev.is_lowercase() || prev.is_ascii_digit() || (prev.is_uppercase() && next_lower) {
                out.push('_');
            }
        }
        out.extend(c.to_uppercase());
    }
    out
}

/// The public list of a trait's endpoints: `<TRAIT>_ENDPOINTS`.
pub fn list(trait_ident: &Ident) -> Ident {
    format_ident!("{}_ENDPOINTS", screaming(trait_ident), span = trait_ident.span())
}

/// The descriptor static of one endpoint (private to the module).
pub fn descriptor(trait_ident: &Ident, method: &Ident) -> Ident {
    format_ident!(
        "__WECOM_ENDPOINT_{}__{}",
        screaming(trait_ident),
        screaming(method)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(name: &str) -> String {
        screaming(&Ident::new(name, proc_macro2::Span::call_site()))
    }

    #[test]
    fn screaming_case() {
        assert_eq!(s("LicenseApi"), "LICENSE_API");
        assert_eq!(s("ServiceTokenApi"), "SERVICE_TOKEN_API");
        assert_eq!(s("HTTPApi"), "HTTP_API");
        assert_eq!(s("get_order"), "GET_ORDER");
        assert_eq!(s("Users"), "USERS");
        assert_eq!(s("V2Api"), "V2_API");
    }
}
