package io.frmonitor.state.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Streams in memory, trimmed exactly to each entry's {@code maxLen}; told to be unreachable, or to
 * refuse some keys. Ids are {@code <n>-0}, n counting from 1. Thread-safe (synchronized).
 */
class FakeStore implements StreamStore {
  private final Map<String, List<Stored>> streams = new LinkedHashMap<>();
  private final Set<String> refusedKeys = new CopyOnWriteArraySet<>();
  private final List<Long> maxLens = new ArrayList<>();
  private volatile boolean down;
  private long next = 1;
  private int appendCalls;
  private int closes;

  void down(boolean isDown) {
    this.down = isDown;
  }

  void refuse(String key) {
    refusedKeys.add(key);
  }

  synchronized void put(String key, Map<String, String> fields) {
    streams.computeIfAbsent(key, k -> new ArrayList<>()).add(new Stored(next++ + "-0", fields));
  }

  synchronized List<Map<String, String>> entries(String key) {
    return streams.getOrDefault(key, List.of()).stream().map(Stored::fields).toList();
  }

  synchronized List<Long> maxLens() {
    return List.copyOf(maxLens);
  }

  synchronized int appendCalls() {
    return appendCalls;
  }

  synchronized int closes() {
    return closes;
  }

  @Override
  public synchronized List<Optional<String>> append(List<Entry> entries) {
    appendCalls++;
    if (down) {
      throw new StreamUnavailableException(
          "Redis at " + where() + ": ConnectException: Connection refused", new RuntimeException());
    }
    List<Optional<String>> out = new ArrayList<>();
    for (Entry e : entries) {
      if (refusedKeys.contains(e.key())) {
        out.add(Optional.of("NOPERM this user has no permissions to access one of the keys"));
        continue;
      }
      put(e.key(), e.fields());
      maxLens.add(e.maxLen());
      List<Stored> s = streams.get(e.key());
      while (s.size() > e.maxLen()) {
        s.remove(0);
      }
      out.add(Optional.empty());
    }
    return out;
  }

  @Override
  public synchronized List<Stored> read(String key, String after, int count) {
    if (down) {
      throw new StreamUnavailableException(
          "Redis at " + where() + ": ConnectException: Connection refused", new RuntimeException());
    }
    long from = Long.parseLong(after.substring(0, after.indexOf('-')));
    List<Stored> out = new ArrayList<>();
    for (Stored s : streams.getOrDefault(key, List.of())) {
      if (Long.parseLong(s.id().substring(0, s.id().indexOf('-'))) > from && out.size() < count) {
        out.add(s);
      }
    }
    return out;
  }

  @Override
  public String where() {
    return "fake:6379/0";
  }

  @Override
  public synchronized void close() {
    closes++;
  }
}
