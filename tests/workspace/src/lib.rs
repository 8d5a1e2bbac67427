//! The wecom workspace's own integration tests (`tests/`) and benchmarks
//! (`benches/`): every endpoint family, the runtime, Redis, callbacks and the
//! sandbox's fidelity, each over real sockets on loopback. Nothing here is a
//! library; the sandbox they use is `wecom-testkit`.
