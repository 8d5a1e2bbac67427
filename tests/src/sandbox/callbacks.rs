//! WeCom's side of callbacks: the sandbox encrypts events and POSTs them to
//! the app's callback URL, as WeCom does (suite tickets, authorizations,
//! license payments).
//!
//! The encryption here is written independently of the SDK's (same scheme,
//! separate code), so a receiver test checks the SDK against a second
//! implementation, not against itself.

use std::time::Duration;

use aes::Aes256;
use aes::cipher::block_padding::NoPadding;
use aes::cipher::{BlockEncryptMut, KeyIvInit};
use base64::Engine;
use sha1::{Digest, Sha1};

/// Where pushes go, and the secrets of that URL.
#[derive(Clone, Debug)]
pub(crate) struct CallbackTarget {
    pub(crate) url: String,
    token: String,
    key: [u8; 32],
    pub(crate) policy: PushPolicy,
}

/// How the sandbox delivers a push, like WeCom: it waits `timeout` for an
/// answer, and re-delivers the identical request (same query, same body)
/// up to `redeliveries` times while the answer is not a 2xx `success`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PushPolicy {
    /// How long one delivery waits for the answer (WeCom: 5 s).
    pub timeout: Duration,
    /// Re-deliveries after a failed one (WeCom: 3).
    pub redeliveries: u32,
    /// Pause before each re-delivery.
    pub pause: Duration,
}

impl Default for PushPolicy {
    fn default() -> Self {
        PushPolicy {
            timeout: Duration::from_secs(5),
            redeliveries: 3,
            pause: Duration::ZERO,
        }
    }
}

/// The outcome of one delivery of a push.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PushRecord {
    /// What was pushed (`suite_ticket`, `create_auth`, `license_pay_success` …).
    pub kind: String,
    /// The receiver's HTTP status (0 when it could not be reached or timed out).
    pub status: u16,
    /// The receiver's answer (`success` when it took the event), or the
    /// transport error.
    pub body: String,
    /// 0 for the first delivery, 1… for re-deliveries of the same request.
    pub attempt: u32,
}

impl PushRecord {
    /// Whether the receiver took the push (2xx and `success`).
    pub fn accepted(&self) -> bool {
        (200..300).contains(&self.status) && self.body.trim() == "success"
    }
}

impl CallbackTarget {
    /// A target for `url`, configured with `token` and `encoding_aes_key`.
    pub(crate) fn new(url: &str, token: &str, encoding_aes_key: &str) -> Result<Self, String> {
        let engine = base64::engine::GeneralPurpose::new(
            &base64::alphabet::STANDARD,
            base64::engine::GeneralPurposeConfig::new().with_decode_allow_trailing_bits(true),
        );
        let bytes = engine
            .decode(format!("{encoding_aes_key}="))
            .map_err(|e| format!("EncodingAESKey: {e}"))?;
        let key: [u8; 32] = bytes
            .try_into()
            .map_err(|_| "EncodingAESKey: not 32 bytes".to_string())?;
        Ok(CallbackTarget {
            url: url.to_owned(),
            token: token.to_owned(),
            key,
            policy: PushPolicy::default(),
        })
    }

    /// The POST body and query of an encrypted push of `xml` to `receive_id`.
    pub(crate) fn seal(&self, xml: &str, receive_id: &str, timestamp: i64) -> (String, String) {
        let mut plain = rand::random::<[u8; 16]>().to_vec();
        plain.extend_from_slice(&(xml.len() as u32).to_be_bytes());
        plain.extend_from_slice(xml.as_bytes());
        plain.extend_from_slice(receive_id.as_bytes());
        let pad = 32 - plain.len() % 32;
        plain.resize(plain.len() + pad, pad as u8);
        let len = plain.len();
        let iv: [u8; 16] = self.key[..16].try_into().unwrap_or([0; 16]);
        let cipher = cbc::Encryptor::<Aes256>::new(&self.key.into(), &iv.into())
            .encrypt_padded_mut::<NoPadding>(&mut plain, len)
            .map(<[u8]>::to_vec)
            .unwrap_or_default();
        let encrypt = base64::engine::general_purpose::STANDARD.encode(cipher);
        let timestamp = timestamp.to_string();
        let nonce = rand::random::<u32>().to_string();
        let mut parts = [
            self.token.as_str(),
            timestamp.as_str(),
            nonce.as_str(),
            encrypt.as_str(),
        ];
        parts.sort_unstable();
        let signature = hex::encode(Sha1::digest(parts.concat().as_bytes()));
        let body = format!(
            "<xml><ToUserName><![CDATA[{receive_id}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt><AgentID><![CDATA[]]></AgentID></xml>"
        );
        let query = format!("msg_signature={signature}&timestamp={timestamp}&nonce={nonce}");
        (body, query)
    }

    /// Encrypts `xml` once and POSTs it, re-delivering the identical request
    /// as the policy says; never fails, the records (one per delivery) say
    /// what happened. `record` is called after each delivery.
    pub(crate) async fn push(
        &self,
        kind: &str,
        xml: &str,
        receive_id: &str,
        timestamp: i64,
        mut record: impl FnMut(PushRecord),
    ) -> PushRecord {
        let (body, query) = self.seal(xml, receive_id, timestamp);
        let separator = if self.url.contains('?') { '&' } else { '?' };
        let url = format!("{}{separator}{query}", self.url);
        let http = reqwest::Client::builder()
            .timeout(self.policy.timeout)
            .build()
            .unwrap_or_default();
        let mut attempt = 0;
        loop {
            let sent = http
                .post(&url)
                .header("content-type", "text/xml")
                .body(body.clone())
                .send()
                .await;
            let (status, answer) = match sent {
                Ok(response) => {
                    let status = response.status().as_u16();
                    (status, response.text().await.unwrap_or_default())
                }
                Err(err) => (0, err.without_url().to_string()),
            };
            let outcome = PushRecord {
                kind: kind.to_owned(),
                status,
                body: answer,
                attempt,
            };
            record(outcome.clone());
            if outcome.accepted() || attempt >= self.policy.redeliveries {
                return outcome;
            }
            attempt += 1;
            tokio::time::sleep(self.policy.pause).await;
        }
    }
}

/// The suite_ticket push (指令回调).
pub(crate) fn suite_ticket_xml(suite_id: &str, ticket: &str, timestamp: i64) -> String {
    format!(
        "<xml><SuiteId><![CDATA[{suite_id}]]></SuiteId><InfoType><![CDATA[suite_ticket]]></InfoType><TimeStamp>{timestamp}</TimeStamp><SuiteTicket><![CDATA[{ticket}]]></SuiteTicket></xml>"
    )
}

/// The create_auth push: a corp installed the suite.
pub(crate) fn create_auth_xml(suite_id: &str, auth_code: &str, timestamp: i64) -> String {
    format!(
        "<xml><SuiteId><![CDATA[{suite_id}]]></SuiteId><AuthCode><![CDATA[{auth_code}]]></AuthCode><InfoType><![CDATA[create_auth]]></InfoType><TimeStamp>{timestamp}</TimeStamp><State><![CDATA[sandbox]]></State></xml>"
    )
}

/// The license_pay_success push: an order was paid.
pub(crate) fn license_pay_success_xml(
    provider_corpid: &str,
    auth_corpid: &str,
    order_id: &str,
    buyer_userid: &str,
    timestamp: i64,
) -> String {
    format!(
        "<xml><ServiceCorpId><![CDATA[{provider_corpid}]]></ServiceCorpId><InfoType><![CDATA[license_pay_success]]></InfoType><AuthCorpId><![CDATA[{auth_corpid}]]></AuthCorpId><OrderId><![CDATA[{order_id}]]></OrderId><BuyerUserId><![CDATA[{buyer_userid}]]></BuyerUserId><TimeStamp>{timestamp}</TimeStamp></xml>"
    )
}
