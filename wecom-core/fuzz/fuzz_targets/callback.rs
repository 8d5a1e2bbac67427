//! Fuzzes the callback path: body → signature check → decrypt → event parse,
//! with the signature made valid so the fuzzer reaches the decryption and
//! parsing code. Any panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wecom_core::callback::event::{CoreEvent, parse_event};
use wecom_core::callback::{CallbackCrypto, signature};

const TOKEN: &str = "QDG6eK";
const KEY: &str = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

fuzz_target!(|data: &[u8]| {
    let Ok(crypto) = CallbackCrypto::new(TOKEN, KEY, "wx5823bf96d3bd56c7") else {
        return;
    };
    // 1. The raw body as WeCom would POST it.
    let _ = crypto.decrypt_message("0", "1", "n", data);
    // 2. The data as the base64 ciphertext, correctly signed.
    if let Ok(encrypt) = std::str::from_utf8(data) {
        let sig = signature(TOKEN, "1", "n", encrypt);
        let body = format!("<xml><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>");
        let _ = crypto.decrypt_message(&sig, "1", "n", body.as_bytes());
        // 3. The data as decrypted XML.
        let _ = parse_event::<CoreEvent>(encrypt);
    }
    // 4. The data as a plaintext that gets encrypted, then decrypted and parsed.
    if let Ok(text) = std::str::from_utf8(data) {
        let encrypt = crypto.encrypt(text, "wx5823bf96d3bd56c7");
        if let Ok(decrypted) = crypto.decrypt(&encrypt) {
            let _ = parse_event::<CoreEvent>(&decrypted.message);
        }
    }
});
