package io.frmonitor.alert.engine;

import io.frmonitor.alert.rule.LabelMatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Silences, as Alertmanager has them, for operators without one: label matchers and a time range;
 * an alert a silence in force matches is still shown, marked silenced, but notifies nobody. Expired
 * silences stay listed for a day, then go.
 *
 * <p>Thread safety: synchronized; shared by the HTTP handlers and the engine's thread.
 */
public final class Silences {
  /** How long an expired silence stays listed. */
  static final Duration EXPIRED_KEPT = Duration.ofDays(1);

  /** At most this many silences are kept (a runaway script cannot fill the memory). */
  static final int MAX = 1_000;

  private final Map<String, Silence> silences = new LinkedHashMap<>();

  /**
   * One silence.
   *
   * @param matchers all must match an alert's labels (a missing label is "")
   */
  public record Silence(
      String id,
      List<LabelMatcher> matchers,
      Instant startsAt,
      Instant endsAt,
      String createdBy,
      String comment) {
    public Silence {
      matchers = List.copyOf(matchers);
    }

    /** {@code pending} (not started), {@code active} or {@code expired}. */
    public String state(Instant now) {
      if (now.isBefore(startsAt)) {
        return "pending";
      }
      return now.isBefore(endsAt) ? "active" : "expired";
    }

    boolean matches(Map<String, String> labels) {
      return matchers.stream().allMatch(m -> m.matches(labels.getOrDefault(m.label(), "")));
    }
  }

  /**
   * Adds a silence.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public synchronized Silence add(
      List<LabelMatcher> matchers,
      Optional<Instant> startsAt,
      Instant endsAt,
      String createdBy,
      String comment,
      Instant now) {
    Instant start = startsAt.orElse(now);
    check(matchers, start, endsAt, createdBy, comment, now);
    prune(now);
    if (silences.size() >= MAX) {
      throw new IllegalArgumentException(
          "there are " + MAX + " silences already; delete some first");
    }
    Silence s =
        new Silence(UUID.randomUUID().toString(), matchers, start, endsAt, createdBy, comment);
    silences.put(s.id(), s);
    return s;
  }

  private static void check(
      List<LabelMatcher> matchers,
      Instant start,
      Instant end,
      String createdBy,
      String comment,
      Instant now) {
    if (matchers.isEmpty()) {
      throw new IllegalArgumentException("matchers: give at least one");
    }
    if (matchers.stream().allMatch(m -> m.matches(""))) {
      // as Alertmanager: a silence must not match every alert
      throw new IllegalArgumentException("matchers: at least one must not match the empty value");
    }
    if (!end.isAfter(start) || !end.isAfter(now)) {
      throw new IllegalArgumentException("endsAt: must be after startsAt and in the future");
    }
    if (createdBy.isBlank()) {
      throw new IllegalArgumentException("createdBy: say who silences");
    }
    if (comment.isBlank()) {
      throw new IllegalArgumentException("comment: say why");
    }
  }

  /** Ends a silence now; false when there is none of that id. */
  public synchronized boolean expire(String id, Instant now) {
    Silence s = silences.get(id);
    if (s == null) {
      return false;
    }
    if (now.isBefore(s.endsAt())) {
      Instant end = now.isBefore(s.startsAt()) ? s.startsAt() : now;
      silences.put(
          id, new Silence(id, s.matchers(), s.startsAt(), end, s.createdBy(), s.comment()));
    }
    return true;
  }

  /** Every silence, expired ones of the last day included, in creation order. */
  public synchronized List<Silence> list(Instant now) {
    prune(now);
    return new ArrayList<>(silences.values());
  }

  /**
   * Puts back the silences of an earlier run, as they were (ids kept, so that whoever created one
   * can still delete it); those expired for more than a day are left out.
   */
  public synchronized void restore(List<Silence> earlier, Instant now) {
    for (Silence s : earlier) {
      if (silences.size() < MAX) {
        silences.putIfAbsent(s.id(), s);
      }
    }
    prune(now);
  }

  public synchronized Optional<Silence> get(String id) {
    return Optional.ofNullable(silences.get(id));
  }

  /** Whether a silence in force matches these labels. */
  public synchronized boolean silenced(Map<String, String> labels, Instant now) {
    for (Silence s : silences.values()) {
      if (s.state(now).equals("active") && s.matches(labels)) {
        return true;
      }
    }
    return false;
  }

  /** Silences in force now. */
  public synchronized int active(Instant now) {
    return (int) silences.values().stream().filter(s -> s.state(now).equals("active")).count();
  }

  private void prune(Instant now) {
    silences.values().removeIf(s -> !now.isBefore(s.endsAt().plus(EXPIRED_KEPT)));
  }
}
