//! Crypto tests: WeCom's documented vectors, round trips, and one test per rejection.

use super::crypto::{CallbackCrypto, signature};
use super::error::CallbackError;
use super::replay::ReplayGuard;

const TOKEN: &str = "QDG6eK";
const KEY: &str = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
const CORPID: &str = "wx5823bf96d3bd56c7";

/// The POST example of WeCom's encryption guide (加解密方案说明).
const DOC_ENCRYPT: &str = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

fn crypto() -> CallbackCrypto {
    CallbackCrypto::new(TOKEN, KEY, CORPID).expect("documented key")
}

fn doc_body() -> String {
    format!(
        "<xml><ToUserName><![CDATA[{CORPID}]]></ToUserName><Encrypt><![CDATA[{DOC_ENCRYPT}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>"
    )
}

#[test]
fn the_documented_message_decrypts_to_the_documented_plaintext() {
    let got = crypto()
        .decrypt_message(
            "477715d11cdb4164915debcba66cb864d751f3e6",
            "1409659813",
            "1372623149",
            doc_body().as_bytes(),
        )
        .expect("documented vector");
    assert_eq!(got.receive_id, CORPID);
    assert_eq!(
        got.message,
        "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>"
    );
}

#[test]
fn the_documented_url_verification_returns_the_documented_echo() {
    let echo = crypto()
        .verify_url(
            "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3",
            "1409659589",
            "263014780",
            "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==",
        )
        .expect("documented vector");
    assert_eq!(echo.message, "1616140317555161061");
}

#[test]
fn messages_of_every_size_round_trip() {
    let c = crypto();
    let sizes = [0usize, 1, 31, 32, 33, 1024, 64 * 1024];
    for size in sizes {
        let message: String = "x".repeat(size);
        let encrypt = c.encrypt(&message, CORPID);
        let sig = signature(TOKEN, "1700000000", "nonce", &encrypt);
        let body = format!("<xml><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>");
        let got = c
            .decrypt_message(&sig, "1700000000", "nonce", body.as_bytes())
            .expect("round trip");
        assert_eq!(got.message.len(), size);
        assert_eq!(got.message, message);
    }
    let chinese = "<xml><Content><![CDATA[你好，企业微信 👋]]></Content></xml>";
    let got = c.decrypt(&c.encrypt(chinese, CORPID)).expect("round trip");
    assert_eq!(got.message, chinese);
}

#[test]
fn a_passive_reply_is_signed_and_decryptable() {
    let c = crypto();
    let reply = c.encrypt_reply("<xml><Content>ok</Content></xml>", "1700000001", "n1", CORPID);
    let xml = reply.to_xml();
    assert!(xml.contains(&reply.msg_signature) && xml.contains("<TimeStamp>1700000001</TimeStamp>"));
    let got = c
        .decrypt_message(&reply.msg_signature, "1700000001", "n1", xml.as_bytes())
        .expect("decrypt");
    assert_eq!(got.message, "<xml><Content>ok</Content></xml>");
}

fn body_for(_c: &CallbackCrypto, encrypt: &str) -> (String, String) {
    (
        signature(TOKEN, "1", "n", encrypt),
        format!("<xml><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"),
    )
}

fn raw_encrypt(plain: &[u8]) -> String {
    use aes::cipher::block_padding::NoPadding;
    use aes::cipher::{BlockEncryptMut, KeyIvInit};
    use base64::Engine;
    // This documented key has non-zero trailing bits: decode it leniently, as WeCom does.
    let lenient = base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new().with_decode_allow_trailing_bits(true),
    );
    let key = lenient.decode(format!("{KEY}=")).expect("key");
    let iv: [u8; 16] = key[..16].try_into().expect("iv");
    let key: [u8; 32] = key.try_into().expect("key");
    let mut data = plain.to_vec();
    let len = data.len();
    let out = cbc::Encryptor::<aes::Aes256>::new(&key.into(), &iv.into())
        .encrypt_padded_mut::<NoPadding>(&mut data, len)
        .expect("block multiple")
        .to_vec();
    base64::engine::general_purpose::STANDARD.encode(out)
}

fn plaintext(msg: &[u8], declared_len: u32, receive_id: &[u8], pad: Option<Vec<u8>>) -> Vec<u8> {
    let mut data = vec![7u8; 16];
    data.extend_from_slice(&declared_len.to_be_bytes());
    data.extend_from_slice(msg);
    data.extend_from_slice(receive_id);
    match pad {
        Some(p) => data.extend_from_slice(&p),
        None => {
            let n = 32 - data.len() % 32;
            data.resize(data.len() + n, n as u8);
        }
    }
    data
}

fn decrypt_raw(plain: &[u8]) -> Result<super::crypto::Decrypted, CallbackError> {
    let c = crypto();
    let encrypt = raw_encrypt(plain);
    let (sig, body) = body_for(&c, &encrypt);
    c.decrypt_message(&sig, "1", "n", body.as_bytes())
}

#[test]
fn a_wrong_signature_is_rejected() {
    let body = doc_body();
    let err = crypto()
        .decrypt_message(
            "0000000000000000000000000000000000000000",
            "1409659813",
            "1372623149",
            body.as_bytes(),
        )
        .expect_err("bad signature");
    assert_eq!(err, CallbackError::BadSignature);
    let err = crypto()
        .decrypt_message(
            "477715d11cdb4164915debcba66cb864d751f3e6",
            "1409659814",
            "1372623149",
            body.as_bytes(),
        )
        .expect_err("timestamp changed");
    assert_eq!(err, CallbackError::BadSignature);
}

#[test]
fn bad_aes_keys_are_rejected() {
    assert!(matches!(
        CallbackCrypto::new(TOKEN, "short", CORPID),
        Err(CallbackError::BadAesKey(_))
    ));
    let not_base64 = "!".repeat(43);
    assert!(matches!(
        CallbackCrypto::new(TOKEN, &not_base64, CORPID),
        Err(CallbackError::BadAesKey(_))
    ));
    let long = format!("{KEY}A");
    assert!(matches!(
        CallbackCrypto::new(TOKEN, &long, CORPID),
        Err(CallbackError::BadAesKey(_))
    ));
}

#[test]
fn ciphertext_that_is_not_base64_is_rejected() {
    let c = crypto();
    let (sig, body) = body_for(&c, "not base64 at all!!");
    assert_eq!(
        c.decrypt_message(&sig, "1", "n", body.as_bytes()),
        Err(CallbackError::BadBase64)
    );
}

#[test]
fn ciphertext_that_is_not_whole_blocks_is_rejected() {
    use base64::Engine;
    let c = crypto();
    let encrypt = base64::engine::general_purpose::STANDARD.encode([1u8; 20]);
    let (sig, body) = body_for(&c, &encrypt);
    assert_eq!(
        c.decrypt_message(&sig, "1", "n", body.as_bytes()),
        Err(CallbackError::BadCiphertextLength(20))
    );
}

#[test]
fn padding_byte_zero_is_rejected() {
    let mut plain = plaintext(b"hi", 2, CORPID.as_bytes(), Some(vec![]));
    let n = 32 - plain.len() % 32;
    plain.resize(plain.len() + n, 0);
    assert_eq!(decrypt_raw(&plain), Err(CallbackError::BadPadding));
}

#[test]
fn padding_above_32_is_rejected() {
    let mut plain = plaintext(b"hi", 2, CORPID.as_bytes(), Some(vec![]));
    let n = 32 - plain.len() % 32 + 32;
    plain.resize(plain.len() + n, 33);
    assert_eq!(decrypt_raw(&plain), Err(CallbackError::BadPadding));
}

#[test]
fn inconsistent_padding_bytes_are_rejected() {
    let mut plain = plaintext(b"hi", 2, CORPID.as_bytes(), None);
    let pad = *plain.last().expect("pad") as usize;
    assert!(pad >= 2, "test needs a pad of at least 2, got {pad}");
    let at = plain.len() - pad;
    plain[at] ^= 1;
    assert_eq!(decrypt_raw(&plain), Err(CallbackError::BadPadding));
}

#[test]
fn pads_of_17_to_32_bytes_are_accepted() {
    // 16 + 4 + 12 = 32 bytes of content: a full 32-byte block of padding follows.
    let plain = plaintext(b"abcdefghijkl", 12, b"", None);
    assert_eq!(*plain.last().expect("pad"), 32);
    let c = CallbackCrypto::new(TOKEN, KEY, "").expect("empty receive id accepted here");
    let encrypt = raw_encrypt(&plain);
    let got = c.decrypt(&encrypt).expect("32-byte pad");
    assert_eq!(got.message, "abcdefghijkl");
}

#[test]
fn a_declared_length_past_the_end_is_rejected() {
    let plain = plaintext(b"hi", 4096, CORPID.as_bytes(), None);
    assert_eq!(decrypt_raw(&plain), Err(CallbackError::BadLength));
}

#[test]
fn an_unexpected_receive_id_is_rejected() {
    let plain = plaintext(b"hi", 2, b"wwsomeoneelse", None);
    assert_eq!(
        decrypt_raw(&plain),
        Err(CallbackError::WrongReceiveId("wwsomeoneelse".into()))
    );
    let c = crypto().also_accept("wwsomeoneelse");
    assert_eq!(
        c.decrypt(&raw_encrypt(&plain)).expect("now accepted").message,
        "hi"
    );
}

#[test]
fn a_body_above_the_limit_is_rejected() {
    let c = crypto().max_body_size(100);
    let body = doc_body();
    assert!(matches!(
        c.decrypt_message("x", "1", "n", body.as_bytes()),
        Err(CallbackError::TooLarge { limit: 100, .. })
    ));
}

#[test]
fn xml_with_a_doctype_or_entity_is_rejected() {
    let c = crypto();
    let outer = "<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&x;</Encrypt></xml>";
    assert_eq!(
        c.decrypt_message("x", "1", "n", outer.as_bytes()),
        Err(CallbackError::ForbiddenXml)
    );
    // …and inside the encrypted message too.
    let inner = "<!doctype xml><xml><InfoType>suite_ticket</InfoType></xml>";
    let encrypt = c.encrypt(inner, CORPID);
    let (sig, body) = body_for(&c, &encrypt);
    assert_eq!(
        c.decrypt_message(&sig, "1", "n", body.as_bytes()),
        Err(CallbackError::ForbiddenXml)
    );
}

#[test]
fn a_body_without_encrypt_is_malformed() {
    let c = crypto();
    assert!(matches!(
        c.decrypt_message("x", "1", "n", b"<xml><ToUserName>a</ToUserName></xml>"),
        Err(CallbackError::MalformedXml(_))
    ));
    assert!(matches!(
        c.decrypt_message("x", "1", "n", b"not xml"),
        Err(CallbackError::MalformedXml(_))
    ));
    assert!(matches!(
        c.decrypt_message("x", "1", "n", &[0xff, 0xfe]),
        Err(CallbackError::MalformedXml(_))
    ));
}

#[test]
fn replays_are_rejected() {
    let guard = ReplayGuard::new(std::time::Duration::from_secs(300));
    guard.check("1000", "n1", 1100).expect("fresh");
    assert_eq!(guard.check("1000", "n1", 1100), Err(CallbackError::ReplayedNonce));
    guard.check("1000", "n2", 1100).expect("another nonce");
    assert!(matches!(
        guard.check("1000", "n3", 1400),
        Err(CallbackError::StaleTimestamp { .. })
    ));
    assert!(matches!(
        guard.check("2000", "n4", 1400),
        Err(CallbackError::StaleTimestamp { .. })
    ));
}

#[test]
fn a_doctype_in_the_text_of_a_signed_message_is_just_text() {
    let c = crypto();
    let msg = "<xml><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[<!DOCTYPE html><p>hi</p>]]></Content></xml>";
    let encrypt = c.encrypt(msg, CORPID);
    let (sig, body) = body_for(&c, &encrypt);
    let got = c
        .decrypt_message(&sig, "1", "n", body.as_bytes())
        .expect("accepted");
    assert_eq!(got.message, msg);
}

#[test]
fn the_envelope_is_strict() {
    let c = crypto();
    let encrypt = c.encrypt("<xml/>", CORPID);
    let sig = signature(TOKEN, "1", "n", &encrypt);
    let bad = [
        format!("<xml><Encrypt>{encrypt}</Encrypt><Encrypt>{encrypt}</Encrypt></xml>"),
        format!("<xml><A><Encrypt>{encrypt}</Encrypt></A></xml>"),
        format!("<xml><!--<Encrypt>{encrypt}</Encrypt>--></xml>"),
        format!("<xml><Encrypt>{encrypt}</Encrypt>"),
        format!("<xml><Encrypt>{encrypt}</Encrypt></xml><xml/>"),
    ];
    for body in &bad {
        assert!(
            matches!(
                c.decrypt_message(&sig, "1", "n", body.as_bytes()),
                Err(CallbackError::MalformedXml(_))
            ),
            "accepted {body}"
        );
    }
    let with_bom = format!("\u{feff}<xml><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>");
    c.decrypt_message(&sig, "1", "n", with_bom.as_bytes())
        .expect("a BOM is fine");
    // The signature is compared as given: padded with spaces it no longer matches.
    let body = format!("<xml><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>");
    assert_eq!(
        c.decrypt_message(&format!(" {sig} "), "1", "n", body.as_bytes()),
        Err(CallbackError::BadSignature)
    );
    c.decrypt_message(&sig.to_uppercase(), "1", "n", body.as_bytes())
        .expect("hex in either case");
}

#[test]
fn decrypted_text_never_shows_in_debug() {
    let c = crypto();
    let secret_xml = "<xml><SuiteTicket><![CDATA[TICKET-SECRET]]></SuiteTicket></xml>";
    let encrypt = c.encrypt(secret_xml, CORPID);
    let (sig, body) = body_for(&c, &encrypt);
    let got = c
        .decrypt_message(&sig, "1", "n", body.as_bytes())
        .expect("decrypts");
    let shown = format!("{got:?}");
    assert!(!shown.contains("TICKET-SECRET"), "{shown}");
    let unknown = super::event::parse_event_lenient::<super::event::CoreEvent>(secret_xml);
    let shown = format!("{unknown:?}");
    assert!(!shown.contains("TICKET-SECRET"), "{shown}");
}

mod no_panics {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn decrypt_never_panics_on_arbitrary_ciphertext(data in proptest::collection::vec(any::<u8>(), 0..512)) {
            use base64::Engine;
            let c = crypto();
            let encrypt = base64::engine::general_purpose::STANDARD.encode(&data);
            let (sig, body) = body_for(&c, &encrypt);
            let _ = c.decrypt_message(&sig, "1", "n", body.as_bytes());
            let _ = c.decrypt(&encrypt);
        }

        #[test]
        fn decrypt_never_panics_on_arbitrary_bodies(body in proptest::collection::vec(any::<u8>(), 0..1024), sig in ".{0,50}") {
            let _ = crypto().decrypt_message(&sig, "1", "n", &body);
        }

        #[test]
        fn decrypt_never_panics_on_arbitrary_plaintext(plain in proptest::collection::vec(any::<u8>(), 1..300)) {
            let mut plain = plain;
            let n = (16 - plain.len() % 16) % 16;
            plain.resize(plain.len() + n, 0);
            let _ = decrypt_raw(&plain);
        }
    }
}
