package io.frmonitor.logging;

import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.helpers.ThreadLocalMapOfStacks;
import org.slf4j.spi.MDCAdapter;

/**
 * The diagnostic context ({@link org.slf4j.MDC}) of each thread. Unlike slf4j's {@code
 * BasicMDCAdapter} a new thread does not inherit it: a pool thread started during a collector's
 * poll would otherwise tag every later line it writes, whatever it is about, with that collector.
 *
 * <p>Thread safety: each thread sees and changes only its own map.
 */
final class ThreadMdc implements MDCAdapter {
  private final ThreadLocal<Map<String, String>> maps = ThreadLocal.withInitial(HashMap::new);
  private final ThreadLocalMapOfStacks stacks = new ThreadLocalMapOfStacks();

  /** This thread's context, read-only; the same empty map while there is none. */
  Map<String, String> current() {
    Map<String, String> map = maps.get();
    return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(map);
  }

  @Override
  public void put(String key, @Nullable String value) {
    if (value == null) {
      remove(key);
    } else {
      maps.get().put(key, value);
    }
  }

  @Override
  public @Nullable String get(String key) {
    return maps.get().get(key);
  }

  @Override
  public void remove(String key) {
    maps.get().remove(key);
  }

  @Override
  public void clear() {
    maps.remove();
  }

  @Override
  public Map<String, String> getCopyOfContextMap() {
    return new HashMap<>(maps.get());
  }

  @Override
  public void setContextMap(Map<String, String> contextMap) {
    Map<String, String> map = maps.get();
    map.clear();
    contextMap.forEach(this::put);
  }

  @Override
  public void pushByKey(String key, String value) {
    stacks.pushByKey(key, value);
  }

  @Override
  public @Nullable String popByKey(String key) {
    return stacks.popByKey(key);
  }

  @Override
  public @Nullable Deque<String> getCopyOfDequeByKey(String key) {
    return stacks.getCopyOfDequeByKey(key);
  }

  @Override
  public void clearDequeByKey(String key) {
    stacks.clearDequeByKey(key);
  }
}
