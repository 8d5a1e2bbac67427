//! A [`TokenStore`] in Redis, so that every instance of an app shares one
//! token per credential, one suite_ticket per suite, and one refresh at a time.
//!
//! Keys are `<prefix>:<key>` (prefix `wecom` by default): `…:provider:<corpid>`,
//! `…:suite:<suite_id>`, `…:authcorp:<suite_id>:<corpid>`, `…:ticket:<suite_id>`,
//! `…:<token key>:lock` for refresh locks and `…:push:<signature>` for
//! callback deduplication. Tokens are stored as
//! `<expires_at_ms>:<refresh_at_ms>:<token>` with a TTL a little under their
//! life; locks are `SET NX PX` with a random owner, renewed and released by
//! compare-owner scripts, so only their owner extends or releases them, a dead
//! owner's lock expires, and a token is written only while its fetcher still
//! holds the lock.
//!
//! When Redis is unreachable, operations fail after the configured timeouts
//! with [`Error::Store`]; the connection is re-established in the background
//! and calls recover by themselves once Redis is back.

use std::fmt;
use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::{AsyncCommands, Script};

use crate::error::{Error, Result};
use crate::token::store::{
    LockOwner, PushClaim, StoreFuture, StoredTicket, StoredToken, TokenStore, unix_ms,
};

/// How much earlier than the token itself its Redis entry expires.
const TTL_SAFETY_MS: i64 = 30_000;

/// Deletes a token only if it still is the one that failed.
const INVALIDATE: &str = r#"
local v = redis.call('GET', KEYS[1])
if v then
  local i = string.find(v, ':', 1, true)
  local j = i and string.find(v, ':', i + 1, true)
  if j and string.sub(v, j + 1) == ARGV[1] then
    return redis.call('DEL', KEYS[1])
  end
end
return 0
"#;

/// Extends a lock only for its owner.
const RENEW: &str = r#"
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
"#;

/// Writes a token only while the writer holds the refresh lock.
const PUT_AS_OWNER: &str = r#"
if redis.call('GET', KEYS[2]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0
"#;

/// Claims a push: 1 claimed, 2 done already, 3 in flight elsewhere.
const CLAIM_PUSH: &str = r#"
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return 1
end
if redis.call('GET', KEYS[1]) == 'done' then
  return 2
end
return 3
"#;

/// Marks a claimed push as handled.
const FINISH_PUSH: &str = r#"
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], 'done', 'PX', ARGV[2])
  return 1
end
return 0
"#;

/// Releases a lock only for its owner.
const UNLOCK: &str = r#"
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"#;

/// Stores a ticket unless a newer one (by timestamp) is stored.
const PUT_TICKET: &str = r#"
local v = redis.call('GET', KEYS[1])
if v then
  local i = string.find(v, ':', 1, true)
  local ts = i and tonumber(string.sub(v, 1, i - 1))
  if ts and ts > tonumber(ARGV[1]) then
    return 0
  end
end
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. ARGV[2], 'PX', ARGV[3])
return 1
"#;

/// Settings of a [`RedisStore`].
#[derive(Debug, Clone)]
pub struct RedisStoreOptions {
    /// Namespace of every key (default `wecom`).
    pub prefix: String,
    /// How long to wait for a connection (default 1 s).
    pub connection_timeout: Duration,
    /// How long to wait for a reply (default 1 s).
    pub response_timeout: Duration,
}

impl Default for RedisStoreOptions {
    fn default() -> Self {
        RedisStoreOptions {
            prefix: "wecom".into(),
            connection_timeout: Duration::from_secs(1),
            response_timeout: Duration::from_secs(1),
        }
    }
}

/// A token store in Redis (feature `redis`), built on the `redis` crate's
/// auto-reconnecting `ConnectionManager`. Cheap to clone.
#[derive(Clone)]
pub struct RedisStore {
    connection: ConnectionManager,
    options: RedisStoreOptions,
    invalidate: Script,
    renew: Script,
    unlock: Script,
    put_as_owner: Script,
    put_ticket: Script,
    claim_push: Script,
    finish_push: Script,
}

impl fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisStore")
            .field("prefix", &self.options.prefix)
            .finish_non_exhaustive()
    }
}

fn store_error(operation: &'static str) -> impl Fn(redis::RedisError) -> Error {
    move |err| Error::Store {
        operation,
        reason: err.to_string(),
    }
}

/// `url` with its password (and user name) replaced, for error text.
fn redacted_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) => {
            if parsed.password().is_some() {
                let _ = parsed.set_password(Some("***"));
            }
            parsed.to_string()
        }
        Err(_) => "<the Redis URL, which is not a valid URL>".to_owned(),
    }
}

/// `reason` without `secret` in it (a driver error may quote the URL).
fn scrub(reason: String, secret: Option<&str>) -> String {
    match secret {
        Some(secret) if !secret.is_empty() => reason.replace(secret, "***"),
        _ => reason,
    }
}

impl RedisStore {
    /// Connects to `url` (e.g. `redis://127.0.0.1:6379/0`) with default options.
    ///
    /// # Errors
    /// [`Error::Store`] when the URL is invalid or Redis cannot be reached.
    pub async fn connect(url: &str) -> Result<Self> {
        Self::connect_with(url, RedisStoreOptions::default()).await
    }

    /// Connects to `url` with `options`.
    ///
    /// # Errors
    /// [`Error::Store`] when the URL is invalid or Redis cannot be reached.
    /// A password in the URL never appears in an error.
    pub async fn connect_with(url: &str, options: RedisStoreOptions) -> Result<Self> {
        let password = url::Url::parse(url)
            .ok()
            .and_then(|u| u.password().map(str::to_owned));
        let connect_error = |err: redis::RedisError| Error::Store {
            operation: "connect",
            reason: scrub(err.to_string(), password.as_deref()),
        };
        let client = redis::Client::open(url).map_err(connect_error)?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(options.connection_timeout)
            .set_response_timeout(options.response_timeout)
            .set_number_of_retries(2)
            .set_max_delay(200);
        let connect = ConnectionManager::new_with_config(client, config);
        let connection = tokio::time::timeout(options.connection_timeout * 3, connect)
            .await
            .map_err(|_| Error::Store {
                operation: "connect",
                reason: format!(
                    "no connection to {} within {:?}",
                    redacted_url(url),
                    options.connection_timeout * 3
                ),
            })?
            .map_err(connect_error)?;
        Ok(RedisStore {
            connection,
            options,
            invalidate: Script::new(INVALIDATE),
            renew: Script::new(RENEW),
            unlock: Script::new(UNLOCK),
            put_as_owner: Script::new(PUT_AS_OWNER),
            put_ticket: Script::new(PUT_TICKET),
            claim_push: Script::new(CLAIM_PUSH),
            finish_push: Script::new(FINISH_PUSH),
        })
    }

    fn key(&self, key: &str) -> String {
        format!("{}:{key}", self.options.prefix)
    }

    /// Runs one Redis operation with an overall deadline, so a call never
    /// hangs on an unreachable server.
    async fn run<T>(
        &self,
        operation: &'static str,
        fut: impl Future<Output = redis::RedisResult<T>>,
    ) -> Result<T> {
        let limit = self.options.response_timeout + self.options.connection_timeout;
        match tokio::time::timeout(limit, fut).await {
            Ok(result) => result.map_err(store_error(operation)),
            Err(_) => Err(Error::Store {
                operation,
                reason: format!("Redis did not answer within {limit:?}"),
            }),
        }
    }
}

fn parse_prefixed(value: &str) -> Option<(i64, &str)> {
    let (head, rest) = value.split_once(':')?;
    Some((head.parse().ok()?, rest))
}

/// `<expires_at_ms>:<refresh_at_ms>:<token>` → the stored token.
fn parse_token(value: &str) -> Option<StoredToken> {
    let (expires_at_ms, rest) = parse_prefixed(value)?;
    let (refresh_at_ms, token) = parse_prefixed(rest)?;
    Some(StoredToken {
        value: token.to_owned(),
        refresh_at_ms,
        expires_at_ms,
    })
}

fn format_token(token: &StoredToken) -> (String, u64) {
    let ttl_ms = token
        .expires_at_ms
        .saturating_sub(unix_ms())
        .saturating_sub(TTL_SAFETY_MS)
        .max(1_000);
    let value = format!("{}:{}:{}", token.expires_at_ms, token.refresh_at_ms, token.value);
    (value, u64::try_from(ttl_ms).unwrap_or(1_000))
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX).max(1)
}

impl TokenStore for RedisStore {
    fn get_token<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Option<StoredToken>> {
        Box::pin(async move {
            let mut con = self.connection.clone();
            let raw: Option<String> = self.run("get token", con.get(self.key(key))).await?;
            let now = unix_ms();
            Ok(raw
                .as_deref()
                .and_then(parse_token)
                .filter(|t| t.expires_at_ms > now))
        })
    }

    fn put_token<'a>(&'a self, key: &'a str, token: &'a StoredToken) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let (value, ttl) = format_token(token);
            let mut con = self.connection.clone();
            self.run("put token", con.pset_ex::<_, _, ()>(self.key(key), value, ttl))
                .await
        })
    }

    fn put_token_as_owner<'a>(
        &'a self,
        key: &'a str,
        token: &'a StoredToken,
        lock_key: &'a str,
        owner: &'a LockOwner,
    ) -> StoreFuture<'a, bool> {
        Box::pin(async move {
            let (value, ttl) = format_token(token);
            let mut con = self.connection.clone();
            let mut call = self.put_as_owner.key(self.key(key));
            call.key(self.key(lock_key)).arg(&owner.0).arg(value).arg(ttl);
            let stored: i64 = self.run("put token", call.invoke_async(&mut con)).await?;
            Ok(stored == 1)
        })
    }

    fn renew_lock<'a>(&'a self, key: &'a str, owner: &'a LockOwner, ttl: Duration) -> StoreFuture<'a, bool> {
        Box::pin(async move {
            let mut con = self.connection.clone();
            let mut call = self.renew.key(self.key(key));
            call.arg(&owner.0).arg(millis(ttl));
            let renewed: i64 = self.run("renew lock", call.invoke_async(&mut con)).await?;
            Ok(renewed == 1)
        })
    }

    fn claim_push<'a>(&'a self, key: &'a str, ttl: Duration) -> StoreFuture<'a, PushClaim> {
        Box::pin(async move {
            let owner = LockOwner::random();
            let mut con = self.connection.clone();
            let mut call = self.claim_push.key(self.key(key));
            call.arg(&owner.0).arg(millis(ttl));
            let claim: i64 = self.run("claim push", call.invoke_async(&mut con)).await?;
            Ok(match claim {
                1 => PushClaim::Claimed(owner),
                2 => PushClaim::Done,
                _ => PushClaim::InFlight,
            })
        })
    }

    fn finish_push<'a>(&'a self, key: &'a str, owner: &'a LockOwner, ttl: Duration) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let mut con = self.connection.clone();
            let mut call = self.finish_push.key(self.key(key));
            call.arg(&owner.0).arg(millis(ttl));
            let _: i64 = self.run("finish push", call.invoke_async(&mut con)).await?;
            Ok(())
        })
    }

    fn invalidate_token<'a>(&'a self, key: &'a str, failed: &'a str) -> StoreFuture<'a, bool> {
        Box::pin(async move {
            let mut con = self.connection.clone();
            let mut call = self.invalidate.key(self.key(key));
            call.arg(failed);
            let deleted: i64 = self.run("invalidate token", call.invoke_async(&mut con)).await?;
            Ok(deleted > 0)
        })
    }

    fn try_lock<'a>(&'a self, key: &'a str, ttl: Duration) -> StoreFuture<'a, Option<LockOwner>> {
        Box::pin(async move {
            let owner = LockOwner::random();
            let mut con = self.connection.clone();
            let mut cmd = redis::cmd("SET");
            cmd.arg(self.key(key))
                .arg(&owner.0)
                .arg("NX")
                .arg("PX")
                .arg(millis(ttl));
            let set: Option<String> = self.run("lock", cmd.query_async(&mut con)).await?;
            Ok(set.map(|_| owner))
        })
    }

    fn unlock<'a>(&'a self, key: &'a str, owner: &'a LockOwner) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let mut con = self.connection.clone();
            let mut call = self.unlock.key(self.key(key));
            call.arg(&owner.0);
            let _: i64 = self.run("unlock", call.invoke_async(&mut con)).await?;
            Ok(())
        })
    }

    fn get_ticket<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Option<StoredTicket>> {
        Box::pin(async move {
            let mut con = self.connection.clone();
            let raw: Option<String> = self.run("get ticket", con.get(self.key(key))).await?;
            Ok(raw
                .as_deref()
                .and_then(parse_prefixed)
                .map(|(timestamp, ticket)| StoredTicket {
                    ticket: ticket.to_owned(),
                    timestamp,
                }))
        })
    }

    fn put_ticket<'a>(
        &'a self,
        key: &'a str,
        ticket: &'a StoredTicket,
        ttl: Duration,
    ) -> StoreFuture<'a, bool> {
        Box::pin(async move {
            let mut con = self.connection.clone();
            let mut call = self.put_ticket.key(self.key(key));
            call.arg(ticket.timestamp)
                .arg(&ticket.ticket)
                .arg(u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX).max(1));
            let stored: i64 = self.run("put ticket", call.invoke_async(&mut con)).await?;
            Ok(stored == 1)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{parse_prefixed, parse_token, redacted_url, scrub};

    #[test]
    fn tokens_keep_both_instants_and_colons() {
        let t = parse_token("1700000000000:1699999000000:a:b").unwrap();
        assert_eq!(
            (t.expires_at_ms, t.refresh_at_ms, t.value.as_str()),
            (1_700_000_000_000, 1_699_999_000_000, "a:b")
        );
        assert!(parse_token("1700000000000:tok").is_none());
    }

    #[test]
    fn passwords_never_reach_error_text() {
        let shown = redacted_url("redis://user:hunter2@127.0.0.1:6379/0");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("127.0.0.1"));
        assert_eq!(scrub("bad auth hunter2".into(), Some("hunter2")), "bad auth ***");
        assert!(!redacted_url("not a url hunter2").contains("hunter2"));
    }

    #[test]
    fn values_keep_colons_in_the_token() {
        assert_eq!(
            parse_prefixed("1700000000000:a:b"),
            Some((1_700_000_000_000, "a:b"))
        );
        assert_eq!(parse_prefixed("garbage"), None);
        assert_eq!(parse_prefixed("x:tok"), None);
    }
}
