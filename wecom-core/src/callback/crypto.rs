//! The WXBizMsgCrypt scheme, strictly.
//!
//! signature = hex(SHA-1(sorted(token, timestamp, nonce, ciphertext) joined));
//! key = base64(EncodingAESKey + "="), IV = key[..16], AES-256-CBC;
//! plaintext = 16 random bytes ‖ u32 BE length ‖ message ‖ receive id,
//! PKCS#7-padded to 32-byte blocks.

use std::fmt;

use aes::Aes256;
use aes::cipher::block_padding::NoPadding;
use aes::cipher::{BlockDecryptMut, BlockEncryptMut, InnerIvInit, KeyInit};
use base64::Engine;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, STANDARD};
use base64::engine::{DecodePaddingMode, general_purpose};
use sha1::{Digest, Sha1};
use subtle::ConstantTimeEq;

use super::error::CallbackError;
use super::xml;
use crate::secret::Secret;

/// WeCom pads to 32-byte blocks, not AES's 16.
const PAD_BLOCK: usize = 32;
/// Random prefix of the plaintext.
const RANDOM_LEN: usize = 16;
/// Ciphertexts up to this size are decoded on the stack (no allocation).
const STACK_CIPHERTEXT: usize = 2048;
/// Default largest accepted body (WeCom's callbacks are a few KiB).
pub const DEFAULT_MAX_BODY: usize = 1 << 20;

/// Lenient about the 2 unused bits of the 43rd character, as WeCom's own
/// reference implementations are (keys are random text).
const KEY_ENGINE: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Signing, encryption and decryption for one callback URL.
#[derive(Clone)]
pub struct CallbackCrypto {
    token: Secret,
    key: [u8; 32],
    /// The AES key schedule, expanded once (not per message).
    cipher: Aes256,
    receive_ids: Vec<String>,
    max_body: usize,
}

impl fmt::Debug for CallbackCrypto {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CallbackCrypto")
            .field("token", &self.token)
            .field("key", &crate::error::Redacted)
            .field("receive_ids", &self.receive_ids)
            .field("max_body", &self.max_body)
            .finish()
    }
}

/// A decrypted message and the receive id it was addressed to.
///
/// Its `Debug` shows the message's length only: a plaintext can hold a
/// SuiteTicket, an AuthCode or an access token.
#[derive(Clone, PartialEq, Eq)]
pub struct Decrypted {
    /// The plaintext (the event XML, or the echostr).
    pub message: String,
    /// The receive id found in the plaintext (a corpid or a suite_id).
    pub receive_id: String,
}

impl fmt::Debug for Decrypted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Decrypted")
            .field("message", &crate::error::RedactedText(self.message.len()))
            .field("receive_id", &self.receive_id)
            .finish()
    }
}

/// An encrypted passive reply, ready to be sent back as XML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncryptedReply {
    /// Base64 ciphertext.
    pub encrypt: String,
    /// Its signature.
    pub msg_signature: String,
    /// The timestamp signed.
    pub timestamp: String,
    /// The nonce signed.
    pub nonce: String,
}

impl EncryptedReply {
    /// The reply body WeCom expects.
    pub fn to_xml(&self) -> String {
        format!(
            "<xml><Encrypt><![CDATA[{}]]></Encrypt><MsgSignature><![CDATA[{}]]></MsgSignature><TimeStamp>{}</TimeStamp><Nonce><![CDATA[{}]]></Nonce></xml>",
            self.encrypt, self.msg_signature, self.timestamp, self.nonce
        )
    }
}

/// hex(SHA-1(sorted parts joined)), as WeCom signs callbacks.
pub fn signature(token: &str, timestamp: &str, nonce: &str, encrypt: &str) -> String {
    hex::encode(signature_bytes(token, timestamp, nonce, encrypt))
}

fn signature_bytes(token: &str, timestamp: &str, nonce: &str, encrypt: &str) -> [u8; 20] {
    let mut parts = [token, timestamp, nonce, encrypt];
    parts.sort_unstable();
    let mut hasher = Sha1::new();
    for part in parts {
        hasher.update(part.as_bytes());
    }
    hasher.finalize().into()
}

impl CallbackCrypto {
    /// Crypto for a callback URL configured with `token` and
    /// `encoding_aes_key`, accepting messages addressed to `receive_id`
    /// (the corpid for a corp's callbacks, the suite_id for a suite's command
    /// callbacks; add more with [`also_accept`](Self::also_accept)).
    ///
    /// # Errors
    /// [`CallbackError::BadAesKey`] unless the key is 43 base64 characters.
    pub fn new(
        token: impl Into<Secret>,
        encoding_aes_key: &str,
        receive_id: impl Into<String>,
    ) -> Result<Self, CallbackError> {
        if encoding_aes_key.len() != 43 {
            return Err(CallbackError::BadAesKey("it must be 43 characters long"));
        }
        let mut padded = String::with_capacity(44);
        padded.push_str(encoding_aes_key);
        padded.push('=');
        let bytes = KEY_ENGINE
            .decode(padded)
            .map_err(|_| CallbackError::BadAesKey("it is not base64"))?;
        let key: [u8; 32] = bytes
            .try_into()
            .map_err(|_| CallbackError::BadAesKey("it does not decode to 32 bytes"))?;
        Ok(CallbackCrypto {
            token: token.into(),
            cipher: Aes256::new(&key.into()),
            key,
            receive_ids: vec![receive_id.into()],
            max_body: DEFAULT_MAX_BODY,
        })
    }

    /// Also accepts messages addressed to `receive_id`. WeCom uses the
    /// provider's corpid for a suite URL's verification request, the suite_id
    /// on the command URL, and the customer's corpid on the data URL.
    pub fn also_accept(mut self, receive_id: impl Into<String>) -> Self {
        self.receive_ids.push(receive_id.into());
        self
    }

    /// The largest body accepted (default 1 MiB).
    pub fn max_body_size(mut self, bytes: usize) -> Self {
        self.max_body = bytes;
        self
    }

    /// The receive ids accepted.
    pub fn receive_ids(&self) -> &[String] {
        &self.receive_ids
    }

    /// The largest body accepted.
    pub fn max_body(&self) -> usize {
        self.max_body
    }

    /// Checks `msg_signature` (40 hex digits, either case, taken as given) in
    /// constant time.
    pub fn verify_signature(
        &self,
        msg_signature: &str,
        timestamp: &str,
        nonce: &str,
        encrypt: &str,
    ) -> Result<(), CallbackError> {
        let expected = signature_bytes(self.token.expose(), timestamp, nonce, encrypt);
        // Compare raw digests: the given hex (either case) decoded, in constant time.
        let mut given = [0u8; 20];
        if hex::decode_to_slice(msg_signature, &mut given).is_err() {
            return Err(CallbackError::BadSignature);
        }
        if bool::from(expected.ct_eq(&given)) {
            Ok(())
        } else {
            Err(CallbackError::BadSignature)
        }
    }

    /// URL verification (the GET WeCom sends when the URL is saved): checks
    /// the signature and returns the decrypted `echostr` to answer with.
    pub fn verify_url(
        &self,
        msg_signature: &str,
        timestamp: &str,
        nonce: &str,
        echostr: &str,
    ) -> Result<Decrypted, CallbackError> {
        if echostr.len() > self.max_body {
            return Err(CallbackError::TooLarge {
                size: echostr.len(),
                limit: self.max_body,
            });
        }
        self.verify_signature(msg_signature, timestamp, nonce, echostr)?;
        self.decrypt(echostr)
    }

    /// A pushed message (the POST body): checks the size, refuses DTDs,
    /// extracts `<Encrypt>`, checks the signature and decrypts.
    pub fn decrypt_message(
        &self,
        msg_signature: &str,
        timestamp: &str,
        nonce: &str,
        body: &[u8],
    ) -> Result<Decrypted, CallbackError> {
        if body.len() > self.max_body {
            return Err(CallbackError::TooLarge {
                size: body.len(),
                limit: self.max_body,
            });
        }
        let body =
            simdutf8::basic::from_utf8(body).map_err(|_| CallbackError::MalformedXml("not UTF-8".into()))?;
        let encrypt = xml::encrypt_element(body)?;
        self.verify_signature(msg_signature, timestamp, nonce, encrypt)?;
        let decrypted = self.decrypt(encrypt)?;
        xml::refuse_dtd(&decrypted.message)?;
        Ok(decrypted)
    }

    /// The IV: the key's first 16 bytes.
    fn iv(&self) -> [u8; 16] {
        let mut iv = [0u8; 16];
        iv.copy_from_slice(&self.key[..16]);
        iv
    }

    /// Decrypts a base64 ciphertext (no signature check).
    pub fn decrypt(&self, encrypt: &str) -> Result<Decrypted, CallbackError> {
        let encrypt = encrypt.trim();
        // Most pushes are a few hundred bytes: decode them on the stack.
        let mut stack = [0u8; STACK_CIPHERTEXT];
        let mut heap: Vec<u8>;
        let data: &mut [u8] = if encrypt.len() / 4 * 3 <= STACK_CIPHERTEXT {
            let n = STANDARD
                .decode_slice(encrypt, &mut stack)
                .map_err(|_| CallbackError::BadBase64)?;
            &mut stack[..n]
        } else {
            heap = STANDARD.decode(encrypt).map_err(|_| CallbackError::BadBase64)?;
            &mut heap
        };
        self.open(data)
    }

    /// Decrypts `data` in place and takes the plaintext apart.
    fn open(&self, data: &mut [u8]) -> Result<Decrypted, CallbackError> {
        if data.is_empty() || !data.len().is_multiple_of(16) {
            return Err(CallbackError::BadCiphertextLength(data.len()));
        }
        let len = data.len();
        // The key schedule was expanded once; the mode borrows it.
        let content_len = cbc::Decryptor::<&Aes256>::inner_iv_init(&self.cipher, &self.iv().into())
            .decrypt_padded_mut::<NoPadding>(data)
            .map_err(|_| CallbackError::BadCiphertextLength(len))
            .and_then(unpad)?
            .len();
        if content_len < RANDOM_LEN + 4 {
            return Err(CallbackError::BadLength);
        }
        let mut len_bytes = [0u8; 4];
        len_bytes.copy_from_slice(&data[RANDOM_LEN..RANDOM_LEN + 4]);
        let msg_len = u32::from_be_bytes(len_bytes) as usize;
        let msg_start = RANDOM_LEN + 4;
        if msg_len > content_len - msg_start {
            return Err(CallbackError::BadLength);
        }
        let msg_end = msg_start + msg_len;
        // SIMD validation: the std check runs byte by byte on CJK text and
        // would cost more than the decryption itself.
        let receive_id =
            simdutf8::basic::from_utf8(&data[msg_end..content_len]).map_err(|_| CallbackError::NotUtf8)?;
        if !self.receive_ids.iter().any(|id| id == receive_id) {
            return Err(CallbackError::WrongReceiveId(receive_id.to_owned()));
        }
        let receive_id = receive_id.to_owned();
        let message = simdutf8::basic::from_utf8(&data[msg_start..msg_end])
            .map_err(|_| CallbackError::NotUtf8)?
            .to_owned();
        Ok(Decrypted { message, receive_id })
    }

    /// Encrypts `message` for `receive_id` (which must be accepted).
    pub fn encrypt(&self, message: &str, receive_id: &str) -> String {
        let random: [u8; RANDOM_LEN] = rand::random();
        let len = u32::try_from(message.len()).unwrap_or(u32::MAX);
        let mut data = Vec::with_capacity(RANDOM_LEN + 4 + message.len() + receive_id.len() + PAD_BLOCK);
        data.extend_from_slice(&random);
        data.extend_from_slice(&len.to_be_bytes());
        data.extend_from_slice(message.as_bytes());
        data.extend_from_slice(receive_id.as_bytes());
        let pad = PAD_BLOCK - data.len() % PAD_BLOCK;
        data.resize(data.len() + pad, pad as u8);
        let total = data.len();
        let cipher = cbc::Encryptor::<Aes256>::inner_iv_init(self.cipher.clone(), &self.iv().into())
            .encrypt_padded_mut::<NoPadding>(&mut data, total)
            .map(<[u8]>::to_vec)
            .unwrap_or_default();
        general_purpose::STANDARD.encode(cipher)
    }

    /// Encrypts and signs a passive reply (`<xml>…</xml>` of the reply message).
    pub fn encrypt_reply(
        &self,
        reply_xml: &str,
        timestamp: &str,
        nonce: &str,
        receive_id: &str,
    ) -> EncryptedReply {
        let encrypt = self.encrypt(reply_xml, receive_id);
        EncryptedReply {
            msg_signature: signature(self.token.expose(), timestamp, nonce, &encrypt),
            encrypt,
            timestamp: timestamp.to_owned(),
            nonce: nonce.to_owned(),
        }
    }
}

/// Decrypts data WeCom encrypted with an EncodingAESKey outside the callback
/// envelope — the files of the contacts export jobs (`export/*`): raw
/// AES-256-CBC ciphertext, key = base64(`encoding_aes_key` + "="), IV = the
/// key's first 16 bytes, PKCS#7 padding to 32-byte blocks; no random
/// prefix, length or receive id. Returns the plaintext.
///
/// # Errors
/// [`CallbackError::BadAesKey`] unless the key is 43 base64 characters,
/// [`CallbackError::BadCiphertextLength`] unless `ciphertext` is a non-empty
/// multiple of 16 bytes, [`CallbackError::BadPadding`] (usually a wrong key).
pub fn decrypt_with_aes_key(encoding_aes_key: &str, ciphertext: &[u8]) -> Result<Vec<u8>, CallbackError> {
    let crypto = CallbackCrypto::new("", encoding_aes_key, "")?;
    if ciphertext.is_empty() || !ciphertext.len().is_multiple_of(16) {
        return Err(CallbackError::BadCiphertextLength(ciphertext.len()));
    }
    let mut data = ciphertext.to_vec();
    let len = data.len();
    let plain_len = cbc::Decryptor::<&Aes256>::inner_iv_init(&crypto.cipher, &crypto.iv().into())
        .decrypt_padded_mut::<NoPadding>(&mut data)
        .map_err(|_| CallbackError::BadCiphertextLength(len))
        .and_then(unpad)?
        .len();
    data.truncate(plain_len);
    Ok(data)
}

/// Strips WeCom's PKCS#7 padding (1..=32 identical bytes).
fn unpad(plain: &[u8]) -> Result<&[u8], CallbackError> {
    let &last = plain.last().ok_or(CallbackError::BadPadding)?;
    let pad = usize::from(last);
    if pad == 0 || pad > PAD_BLOCK || pad > plain.len() {
        return Err(CallbackError::BadPadding);
    }
    let (content, padding) = plain.split_at(plain.len() - pad);
    if padding.iter().any(|&b| b != last) {
        return Err(CallbackError::BadPadding);
    }
    Ok(content)
}
