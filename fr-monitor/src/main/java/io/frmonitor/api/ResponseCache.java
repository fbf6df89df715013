package io.frmonitor.api;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Keeps the last rendered body of an endpoint with the key it was rendered for (snapshot time,
 * freshness, status), so repeated requests between collections cost one key comparison instead of a
 * JSON rendering.
 *
 * <p>Thread safety: lock-free; two requests racing on a new key may both render, harmlessly.
 */
final class ResponseCache {
  private final AtomicReference<Entry> entry = new AtomicReference<>();

  /** The body for {@code key}, rendered by {@code render} when the key changed. */
  byte[] get(Object key, Supplier<byte[]> render) {
    Entry e = entry.get();
    if (e != null && Objects.equals(e.key, key)) {
      return e.body;
    }
    byte[] body = render.get();
    entry.set(new Entry(key, body));
    return body;
  }

  private static final class Entry {
    final Object key;
    final byte[] body;

    Entry(Object key, byte[] body) {
      this.key = key;
      this.body = body;
    }
  }
}
