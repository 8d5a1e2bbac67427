//! What can be wrong with a callback; each rejection has its own kind.

/// Why a callback was rejected. Never a panic: every malformed input ends here.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum CallbackError {
    /// `msg_signature` does not match SHA-1(sort(token, timestamp, nonce, ciphertext)).
    #[error("callback signature mismatch: check the Token configured for this callback URL")]
    BadSignature,
    /// The EncodingAESKey is not 43 base64 characters.
    #[error("invalid EncodingAESKey: {0}")]
    BadAesKey(&'static str),
    /// The ciphertext (or echostr) is not base64.
    #[error("the ciphertext is not valid base64")]
    BadBase64,
    /// The ciphertext is empty or not a multiple of the AES block size.
    #[error("the ciphertext is {0} bytes, not a non-zero multiple of 16")]
    BadCiphertextLength(usize),
    /// The PKCS#7 padding is not 1..=32 identical bytes (usually a wrong EncodingAESKey).
    #[error("invalid padding after decryption (is the EncodingAESKey right?)")]
    BadPadding,
    /// The 4-byte length in the plaintext runs past its end.
    #[error("the declared message length runs past the decrypted data")]
    BadLength,
    /// The message is not UTF-8.
    #[error("the decrypted message is not UTF-8")]
    NotUtf8,
    /// The plaintext's receive id is not one this receiver accepts.
    #[error("unexpected receive id `{0}`: accept it explicitly if this callback URL serves it")]
    WrongReceiveId(String),
    /// The body is larger than the configured limit.
    #[error("callback body of {size} bytes exceeds the {limit}-byte limit")]
    TooLarge {
        /// The body's size.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The XML declares a DOCTYPE or an entity (XXE); WeCom never sends one.
    #[error("XML with a DOCTYPE or entity declaration is refused")]
    ForbiddenXml,
    /// The body is not the XML WeCom sends (no `<Encrypt>` element …).
    #[error("malformed callback body: {0}")]
    MalformedXml(String),
    /// A required query parameter is missing.
    #[error("missing query parameter `{0}`")]
    MissingParameter(&'static str),
    /// The timestamp is outside the replay window.
    #[error("callback timestamp {timestamp} is outside the accepted window of {window_secs} s")]
    StaleTimestamp {
        /// The callback's timestamp.
        timestamp: i64,
        /// The window, in seconds.
        window_secs: u64,
    },
    /// The nonce was already seen within the replay window.
    #[error("callback nonce was already used within the replay window")]
    ReplayedNonce,
    /// The decrypted XML is not a callback event.
    #[error("cannot parse the callback event: {0}")]
    Event(String),
    /// The token store failed (storing the suite_ticket, or claiming the push
    /// for deduplication). Answered 503, so that WeCom re-delivers.
    #[error("token store unavailable for the callback: {0}")]
    Store(String),
    /// Deduplication found the push handled already (a re-delivery): answer
    /// `success`, nothing more to do.
    #[error("this push was handled already (a re-delivery)")]
    Duplicate,
    /// Another receiver is handling this push right now. Answered 503: if
    /// that one fails, WeCom's next re-delivery is handled.
    #[error("this push is being handled by another receiver")]
    InFlight,
    /// The app's handler failed. Answered 500, so that WeCom re-delivers.
    #[error("the callback handler failed: {0}")]
    Handler(String),
}
