use std::hint::black_box;
use std::time::Instant;
use wecom_core::callback::{CallbackCrypto, signature};
const TOKEN: &str = "QDG6eK";
const KEY: &str = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
const SUITE_ID: &str = "wwsuite000000001";
fn t(name: &str, n: u32, f: &dyn Fn()) { let s = Instant::now(); for _ in 0..n { f(); } println!("{name:<30} {:>8.0} ns", s.elapsed().as_secs_f64()*1e9/f64::from(n)); }
fn main() {
    let xml = "<xml><SuiteId><![CDATA[wwsuite000000001]]></SuiteId><InfoType><![CDATA[suite_ticket]]></InfoType><TimeStamp>1700000000</TimeStamp><SuiteTicket><![CDATA[asdfasfdasdfasdf-ticket-0123456789]]></SuiteTicket></xml>".to_string();
    let c = CallbackCrypto::new(TOKEN, KEY, SUITE_ID).unwrap();
    let enc = c.encrypt(&xml, SUITE_ID);
    let sig = signature(TOKEN, "1700000000", "1372623149", &enc);
    let body = format!("<xml><ToUserName><![CDATA[{SUITE_ID}]]></ToUserName><Encrypt><![CDATA[{enc}]]></Encrypt><AgentID><![CDATA[]]></AgentID></xml>");
    let n = 100_000;
    for _ in 0..2 {
    t("decrypt_message", n, &|| { black_box(c.decrypt_message(&sig, "1700000000", "1372623149", body.as_bytes()).unwrap()); });
    t("verify_signature", n, &|| { black_box(c.verify_signature(&sig, "1700000000", "1372623149", &enc).unwrap()); });
    t("decrypt", n, &|| { black_box(c.decrypt(&enc).unwrap()); });
    t("from_utf8 msg", n, &|| { black_box(std::str::from_utf8(black_box(xml.as_bytes())).unwrap()); });
    t("simdutf8 msg", n, &|| { black_box(simdutf8::basic::from_utf8(black_box(xml.as_bytes())).unwrap()); });
    t("quick-xml envelope", n, &|| {
        let mut r = quick_xml::Reader::from_str(black_box(&body)); let mut k = 0; loop { match r.read_event().unwrap() { quick_xml::events::Event::Eof => break, _ => k += 1 } } black_box(k); });
    t("from_utf8 body", n, &|| { black_box(std::str::from_utf8(black_box(body.as_bytes())).unwrap()); });
    t("aes clone+cbc", n, &|| { use aes::cipher::{KeyInit, InnerIvInit, BlockDecryptMut, block_padding::NoPadding}; let k=[7u8;32]; let c = aes::Aes256::new(&k.into()); let mut d=vec![0u8;224]; black_box(cbc::Decryptor::<aes::Aes256>::inner_iv_init(black_box(c.clone()), &[0u8;16].into()).decrypt_padded_mut::<NoPadding>(&mut d).unwrap().len()); });
    t("aes keysched+cbc", n, &|| { use aes::cipher::{KeyIvInit, BlockDecryptMut, block_padding::NoPadding}; let k=[7u8;32]; let mut d=vec![0u8;224]; black_box(cbc::Decryptor::<aes::Aes256>::new(&black_box(k).into(), &[0u8;16].into()).decrypt_padded_mut::<NoPadding>(&mut d).unwrap().len()); });
    t("base64", n, &|| { use base64::Engine; black_box(base64::engine::general_purpose::STANDARD.decode(black_box(&enc)).unwrap()); });
    }
}
