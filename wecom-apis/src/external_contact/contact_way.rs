//! 2.2 「联系我」 contact ways and temporary chat.
