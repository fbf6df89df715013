package io.frmonitor.state.redis;

/** The fake the unit tests use keeps the contract the real store keeps. */
class FakeStoreTest extends StreamStoreContract {
  private final FakeStore store = new FakeStore();

  @Override
  StreamStore store() {
    return store;
  }

  @Override
  String key() {
    return "fr-monitor:s1:history";
  }

  @Override
  String other() {
    return "fr-monitor:s1:events";
  }
}
