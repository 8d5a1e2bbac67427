//! Syntactic questions about the Rust types of a declaration: what a
//! `Result<T>` holds, whether a type borrows or hides behind `impl Trait`.
//! The macro sees only tokens, so these answer for the type as written.

use syn::{GenericArgument, Lifetime, PathArguments, ReturnType, Type, TypeParamBound};

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
    matches!(ungroup(ty), Type::Tuple(t) if t.elems.is_empty())
}

/// The referent of `&T` / `&mut T`.
pub fn referent(ty: &Type) -> Option<&Type> {
    match ungroup(ty) {
        Type::Reference(r) => Some(&r.elem),
        _ => None,
    }
}

/// The first `impl Trait` inside `ty`.
pub fn find_impl_trait(ty: &Type) -> Option<&Type> {
    find_type(ty, &mut |t| matches!(t, Type::ImplTrait(_)))
}

/// Something in a type that borrows.
pub enum Borrow<'a> {
    /// `&T` or `&mut T`: the whole reference type and its referent.
    Reference(&'a Type, &'a Type),
    /// A lifetime other than `'static` (`Cow<'a, str>`, `Box<dyn Trait + 'a>`).
    Lifetime(&'a Lifetime),
}

/// The first borrow inside `ty`.
pub fn find_borrow(ty: &Type) -> Option<Borrow<'_>> {
    let mut found = None;
    find_type(ty, &mut |t| {
        found = match t {
            Type::Reference(r) => Some(Borrow::Reference(t, &r.elem)),
            Type::Path(p) => p.path.segments.iter().find_map(|seg| match &seg.arguments {
                PathArguments::AngleBracketed(args) => args.args.iter().find_map(|arg| match arg {
                    GenericArgument::Lifetime(lt) if lt.ident != "static" => Some(Borrow::Lifetime(lt)),
                    _ => None,
                }),
                _ => None,
            }),
            Type::TraitObject(obj) => obj.bounds.iter().find_map(|b| match b {
                TypeParamBound::Lifetime(lt) if lt.ident != "static" => Some(Borrow::Lifetime(lt)),
                _ => None,
            }),
            _ => None,
        };
        found.is_some()
    });
    found
}

/// Looks through the invisible groups a `macro_rules!` fragment leaves, and parentheses.
fn ungroup(ty: &Type) -> &Type {
    match ty {
        Type::Group(g) => ungroup(&g.elem),
        Type::Paren(p) => ungroup(&p.elem),
        _ => ty,
    }
}

/// The first type inside `ty` (itself included, outermost first) for which
/// `pred` holds.
fn find_type<'a>(ty: &'a Type, pred: &mut dyn FnMut(&'a Type) -> bool) -> Option<&'a Type> {
    if pred(ty) {
        return Some(ty);
    }
    let mut inner: Vec<&'a Type> = Vec::new();
    match ty {
        Type::Array(a) => inner.push(&a.elem),
        Type::Slice(s) => inner.push(&s.elem),
        Type::Group(g) => inner.push(&g.elem),
        Type::Paren(p) => inner.push(&p.elem),
        Type::Ptr(p) => inner.push(&p.elem),
        Type::Reference(r) => inner.push(&r.elem),
        Type::Tuple(t) => inner.extend(t.elems.iter()),
        Type::Path(p) => {
            if let Some(q) = &p.qself {
                inner.push(&q.ty);
            }
            for seg in &p.path.segments {
                match &seg.arguments {
                    PathArguments::AngleBracketed(args) => {
                        inner.extend(args.args.iter().filter_map(|a| match a {
                            GenericArgument::Type(t) => Some(t),
                            _ => None,
                        }))
                    }
                    PathArguments::Parenthesized(args) => {
                        inner.extend(args.inputs.iter());
                        if let ReturnType::Type(_, t) = &args.output {
                            inner.push(t);
                        }
                    }
                    PathArguments::None => {}
                }
            }
        }
        Type::BareFn(f) => {
            inner.extend(f.inputs.iter().map(|a| &a.ty));
            if let ReturnType::Type(_, t) = &f.output {
                inner.push(t);
            }
        }
        _ => {}
    }
    inner.into_iter().find_map(|t| find_type(t, pred))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty(text: &str) -> Type {
        syn::parse_str(text).expect("a type")
    }

    #[test]
    fn payload_of_result() {
        let t = ty("wecom_apis::Result<Vec<String>>");
        assert!(result_payload(&t).is_some());
        assert!(result_payload(&ty("Result<T, E>")).is_none());
        assert!(result_payload(&ty("Option<T>")).is_none());
        assert!(is_unit(&ty("()")));
    }

    #[test]
    fn borrows_are_found_anywhere() {
        assert!(matches!(find_borrow(&ty("&str")), Some(Borrow::Reference(..))));
        assert!(matches!(
            find_borrow(&ty("Vec<&str>")),
            Some(Borrow::Reference(..))
        ));
        assert!(matches!(
            find_borrow(&ty("Cow<'a, str>")),
            Some(Borrow::Lifetime(_))
        ));
        assert!(matches!(
            find_borrow(&ty("Box<dyn Any + 'a>")),
            Some(Borrow::Lifetime(_))
        ));
        assert!(find_borrow(&ty("Cow<'static, str>")).is_none());
        assert!(find_borrow(&ty("Vec<(String, u32)>")).is_none());
    }

    #[test]
    fn impl_trait_and_referents() {
        assert!(find_impl_trait(&ty("Option<impl AsRef<str>>")).is_some());
        assert!(find_impl_trait(&ty("&[u8]")).is_none());
        assert!(referent(&ty("&NewOrder")).is_some());
        assert!(referent(&ty("NewOrder")).is_none());
    }
}
