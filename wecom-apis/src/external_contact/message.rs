//! 2.7 Mass messages (群发) and welcome messages.
