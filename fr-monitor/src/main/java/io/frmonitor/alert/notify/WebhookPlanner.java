package io.frmonitor.alert.notify;

import io.frmonitor.alert.eval.AlertInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides which rules' groups a webhook hears of at an evaluation, as Alertmanager's grouping by
 * {@code alertname} would: a group is sent when an instance starts firing that it has not
 * announced, or when one it announced firing has resolved; and, while any of its instances fires,
 * again every {@code repeatInterval} after its last message.
 *
 * <p>A message holds the group's firing instances and the resolutions not yet announced; a
 * resolution is announced once. Pending instances, {@code no_data} marks (a firing instance without
 * data still fires) and instances that left the batch without resolving (silenced) cause no
 * message. It keeps what it announced rather than reading the batch's transitions, so that a firing
 * instance that flips to {@code no_data} and back is not announced twice. Time is the batch's. Not
 * thread-safe: its notifier calls it under a lock.
 */
final class WebhookPlanner {
  private final Duration repeatInterval;
  private final Map<String, Announced> announced = new HashMap<>();

  /** One message to send: a rule and the alerts it tells of. */
  record Group(String rule, List<AlertInstance> alerts) {
    Group {
      alerts = List.copyOf(alerts);
    }
  }

  private record Announced(Set<String> firing, Instant at) {}

  WebhookPlanner(Duration repeatInterval) {
    if (repeatInterval.isNegative() || repeatInterval.isZero()) {
      throw new IllegalArgumentException("repeatInterval must be positive: " + repeatInterval);
    }
    this.repeatInterval = repeatInterval;
  }

  /** The groups to send for {@code batch}, by rule name; remembers them as announced. */
  List<Group> plan(AlertBatch batch) {
    Map<String, List<AlertInstance>> byRule = new TreeMap<>();
    for (AlertInstance a : batch.alerts()) {
      byRule.computeIfAbsent(a.rule(), r -> new ArrayList<>()).add(a);
    }
    Set<String> rules = new TreeSet<>(byRule.keySet());
    rules.addAll(announced.keySet());
    List<Group> groups = new ArrayList<>();
    for (String rule : rules) {
      planRule(rule, byRule.getOrDefault(rule, List.of()), batch.at()).ifPresent(groups::add);
    }
    return groups;
  }

  private Optional<Group> planRule(String rule, List<AlertInstance> alerts, Instant at) {
    List<AlertInstance> firing = alerts.stream().filter(AlertInstance::firing).toList();
    Set<String> firingPrints =
        firing.stream().map(AlertInstance::fingerprint).collect(Collectors.toSet());
    Announced before = announced.get(rule);
    Set<String> announcedFiring = before == null ? Set.of() : before.firing();
    List<AlertInstance> resolved =
        alerts.stream()
            .filter(a -> a.phase() == AlertInstance.Phase.RESOLVED)
            .filter(a -> announcedFiring.contains(a.fingerprint()))
            .filter(a -> !firingPrints.contains(a.fingerprint()))
            .toList();
    boolean changed = !announcedFiring.containsAll(firingPrints) || !resolved.isEmpty();
    boolean due =
        before != null && !firing.isEmpty() && !at.isBefore(before.at().plus(repeatInterval));
    if (changed || due) {
      remember(rule, firingPrints, at);
      List<AlertInstance> message = new ArrayList<>(firing);
      message.addAll(resolved);
      return Optional.of(new Group(rule, message));
    }
    if (before != null) {
      remember(rule, firingPrints, before.at()); // forget those that left without resolving
    }
    return Optional.empty();
  }

  private void remember(String rule, Set<String> firing, Instant at) {
    if (firing.isEmpty()) {
      announced.remove(rule);
    } else {
      announced.put(rule, new Announced(Set.copyOf(firing), at));
    }
  }
}
