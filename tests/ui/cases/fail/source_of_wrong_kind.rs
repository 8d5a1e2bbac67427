//! A credential slot takes only a token source of its own kind: a corp
//! token source cannot become the provider credential.

use wecom_apis::Client;
use wecom_apis::token::CorpTokenSource;

fn main() {
    let _ = Client::builder().provider_source(CorpTokenSource::new("wwcorpid", "corp-secret"));
}
