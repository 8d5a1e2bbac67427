//! Several OS processes, each one app instance with its own Redis
//! connection, share one real `redis-server` and one sandbox on loopback.
//! Every scenario starts its processes together (they print `ready`, then
//! all get the same command) and checks WeCom's side: how many token
//! fetches it saw, and that no call failed.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use wecom_testkit::{ExpiredCode, Fault, RedisServer, Sandbox};

const PROCESSES: usize = 4;
const TOKEN_PATH: &str = "service/get_provider_token";
/// The longest any process may take to answer one command.
const COMMAND_LIMIT: Duration = Duration::from_secs(60);

/// One `token_client` process.
struct Instance {
    child: Child,
    stdin: ChildStdin,
    lines: mpsc::Receiver<String>,
}

impl Instance {
    fn start(sb: &Sandbox, redis: &RedisServer, prefix: &str, lock_ttl: Duration) -> Instance {
        let mut child = Command::new(env!("CARGO_BIN_EXE_token_client"))
            .args([
                sb.base_url(),
                redis.url(),
                prefix.to_owned(),
                lock_ttl.as_millis().to_string(),
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn token_client");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Instance { child, stdin, lines }
    }

    fn next_line(&self) -> String {
        self.lines
            .recv_timeout(COMMAND_LIMIT)
            .expect("the process answers in time")
    }

    fn send(&mut self, command: &str) {
        writeln!(self.stdin, "{command}").expect("write command");
        self.stdin.flush().expect("flush");
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = writeln!(self.stdin, "quit");
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `PROCESSES` instances, all ready (the start barrier).
fn cluster(sb: &Sandbox, redis: &RedisServer, prefix: &str, lock_ttl: Duration) -> Vec<Instance> {
    let instances: Vec<Instance> = (0..PROCESSES)
        .map(|_| Instance::start(sb, redis, prefix, lock_ttl))
        .collect();
    for instance in &instances {
        assert_eq!(instance.next_line(), "ready");
    }
    instances
}

/// Sends `command` to every instance at once and collects the answers.
fn all(instances: &mut [Instance], command: &str) -> Vec<serde_json::Value> {
    for instance in instances.iter_mut() {
        instance.send(command);
    }
    instances
        .iter()
        .map(|i| serde_json::from_str(&i.next_line()).expect("a JSON answer"))
        .collect()
}

/// Every instance made its calls without a failure.
fn assert_no_failures(answers: &[serde_json::Value], what: &str) {
    for answer in answers {
        assert_eq!(answer["failed"], 0, "{what}: {answer}");
        assert!(answer["ok"].as_u64().is_some_and(|n| n > 0), "{what}: {answer}");
    }
}

/// Runs `scenario` with a sandbox on a runtime of its own (the test body
/// blocks on child processes).
fn with_sandbox(scenario: impl FnOnce(&Sandbox)) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let sb = runtime.block_on(Sandbox::start());
    scenario(&sb);
}

#[test]
fn a_cold_burst_then_expiries_fetch_once_each() {
    with_sandbox(|sb| {
        let redis = RedisServer::start();
        let mut instances = cluster(sb, &redis, "burst", Duration::from_secs(10));
        assert_no_failures(&all(&mut instances, "calls 200"), "cold burst");
        assert_eq!(sb.request_count(TOKEN_PATH), 1, "one fetch for the cold burst");
        // The token expires mid-run, answered with each code in turn.
        for (step, code) in [ExpiredCode::KindOwn, ExpiredCode::Always42001]
            .into_iter()
            .enumerate()
        {
            sb.set_expired_code(code);
            sb.expire_tokens();
            assert_no_failures(&all(&mut instances, "calls 100"), &format!("expired, {code:?}"));
            assert_eq!(
                sb.request_count(TOKEN_PATH),
                2 + step,
                "one refetch after {code:?}"
            );
        }
        // Revoked (40082): the same.
        sb.revoke_tokens();
        assert_no_failures(&all(&mut instances, "calls 100"), "revoked");
        assert_eq!(sb.request_count(TOKEN_PATH), 4, "one refetch after a revocation");
    });
}

#[test]
fn a_fetch_slower_than_the_lease_is_made_once() {
    with_sandbox(|sb| {
        let redis = RedisServer::start();
        sb.set_token_delay(Duration::from_millis(2_000));
        let mut instances = cluster(sb, &redis, "slow", Duration::from_millis(500));
        assert_no_failures(&all(&mut instances, "calls 100"), "slow fetch");
        assert_eq!(sb.request_count(TOKEN_PATH), 1);
    });
}

/// The token is already in Redis when most instances make their first call:
/// they must keep what they read there, and keep working while Redis is down.
#[test]
fn cached_tokens_outlive_a_redis_outage() {
    with_sandbox(|sb| {
        let mut redis = RedisServer::start();
        let mut instances = cluster(sb, &redis, "outage", Duration::from_secs(10));
        assert_no_failures(&all(&mut instances[..1], "calls 1"), "the first instance fetches");
        assert_no_failures(&all(&mut instances[1..], "calls 50"), "the others read Redis");
        redis.stop();
        assert_no_failures(&all(&mut instances, "calls 200"), "redis down");
        assert_eq!(sb.request_count(TOKEN_PATH), 1);
    });
}

#[test]
fn a_cancelled_lock_holder_makes_nobody_wait_the_lease_out() {
    with_sandbox(|sb| {
        let redis = RedisServer::start();
        let lease = Duration::from_secs(10);
        let mut instances = cluster(sb, &redis, "cancel", lease);
        // The first fetch hangs for 5 s; its caller gives up after 300 ms.
        sb.inject_fault(TOKEN_PATH, Fault::Delay(Duration::from_secs(5)), 1);
        instances[0].send("cancel 300");
        let answer: serde_json::Value = serde_json::from_str(&instances[0].next_line()).expect("json");
        assert_eq!(answer["cancelled"], true, "{answer}");
        let answers = all(&mut instances[1..], "calls 50");
        assert_no_failures(&answers, "after the cancelled holder");
        for answer in &answers {
            let elapsed = answer["elapsed_ms"].as_u64().unwrap_or(u64::MAX);
            assert!(
                elapsed < 2_500,
                "waited {elapsed} ms of a {lease:?} lease: {answer}"
            );
        }
        assert_eq!(
            sb.request_count(TOKEN_PATH),
            2,
            "the cancelled fetch and one more"
        );
    });
}
