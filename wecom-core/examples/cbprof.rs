use std::hint::black_box;
use wecom_core::callback::{CallbackCrypto, signature};
fn main() {
    let xml = "<xml><SuiteId><![CDATA[wwsuite000000001]]></SuiteId><InfoType><![CDATA[suite_ticket]]></InfoType><TimeStamp>1700000000</TimeStamp><SuiteTicket><![CDATA[asdfasfdasdfasdf-ticket-0123456789]]></SuiteTicket></xml>";
    let c = CallbackCrypto::new("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "wwsuite000000001").unwrap();
    let enc = c.encrypt(xml, "wwsuite000000001");
    let sig = signature("QDG6eK", "1700000000", "1372623149", &enc);
    let body = format!("<xml><ToUserName><![CDATA[wwsuite000000001]]></ToUserName><Encrypt><![CDATA[{enc}]]></Encrypt><AgentID><![CDATA[]]></AgentID></xml>");
    for _ in 0..300_000 { black_box(c.decrypt_message(&sig, "1700000000", "1372623149", body.as_bytes()).unwrap()); }
}
