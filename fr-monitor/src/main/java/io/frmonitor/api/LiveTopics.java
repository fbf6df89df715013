package io.frmonitor.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.frmonitor.family.Catalog;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.family.Output;
import io.frmonitor.family.Query;
import io.frmonitor.family.Rest;
import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.Family;
import io.frmonitor.registry.MetricRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a WebSocket client can subscribe to: {@code collectors} (the body of {@code /healthz}), one
 * topic per family that has a live output (its value is exactly the body of {@code
 * /metrics/<family>}, so the two never disagree), and {@code events}, which carries event messages
 * only.
 *
 * <p>Thread safety: immutable.
 */
final class LiveTopics {
  static final String COLLECTORS = "collectors";
  static final String EVENTS = "events";

  private final Map<String, Topic> topics = new LinkedHashMap<>();
  private final String server;

  /**
   * @param server the server stack's name, in the {@code collectors} topic as in {@code /healthz}
   */
  LiveTopics(Catalog catalog, String server) {
    this.server = server;
    topics.put(COLLECTORS, new Topic(COLLECTORS, server, Set.of(), Optional.empty()));
    for (FamilySpec<?> spec : catalog.specs()) {
      if (spec.outputs().contains(Output.LIVE)) {
        Set<String> feeds = new LinkedHashSet<>();
        spec.reads().forEach(f -> feeds.add(f.name()));
        topics.put(spec.name(), new Topic(spec.name(), server, feeds, spec.rest()));
      }
    }
    topics.put(EVENTS, new Topic(EVENTS, server, Set.of(), Optional.empty()));
  }

  /** The server stack's name, told in every snapshot. */
  String server() {
    return server;
  }

  /**
   * One topic.
   *
   * @param server the server stack's name ({@code collectors} carries it as {@code /healthz} does)
   * @param families the families whose snapshots change its value
   * @param rest the family's endpoint; empty for {@code collectors} and {@code events}
   */
  record Topic(String name, String server, Set<String> families, Optional<Rest> rest) {
    boolean hasState() {
      return !name.equals(EVENTS);
    }

    /** The topic's current value, as its REST endpoint renders it. */
    ObjectNode render(MetricRegistry registry) {
      Object body =
          name.equals(COLLECTORS)
              ? HealthDto.of(registry, server)
              : rest.orElseThrow(() -> new IllegalStateException(name + " carries no state"))
                  .live()
                  .render(registry, Query.NONE);
      return Json.MAPPER.valueToTree(body);
    }
  }

  /** Every topic's name, in order: collectors, the families, events. */
  List<String> names() {
    return new ArrayList<>(topics.keySet());
  }

  Optional<Topic> topic(String name) {
    return Optional.ofNullable(topics.get(name));
  }

  Topic get(String name) {
    return topic(name).orElseThrow(() -> new IllegalArgumentException("no topic " + name));
  }

  /** The topics whose value a family's new snapshot changes. */
  Set<String> fedBy(Family<?> family) {
    Set<String> out = new LinkedHashSet<>();
    topics
        .values()
        .forEach(
            t -> {
              if (t.families().contains(family.name())) {
                out.add(t.name());
              }
            });
    return out;
  }

  /**
   * The topics a collector's status shows in: {@code collectors}, and each topic of a family it
   * publishes (a family's body says when its collector is off or failing).
   */
  Set<String> showing(CollectorStatus status) {
    Set<String> out = new LinkedHashSet<>();
    out.add(COLLECTORS);
    topics
        .values()
        .forEach(
            t -> {
              if (status.families().stream().anyMatch(t.families()::contains)) {
                out.add(t.name());
              }
            });
    return out;
  }

  /** Keeps {@code names} in topic order. */
  Set<String> ordered(Set<String> names) {
    Set<String> out = new LinkedHashSet<>();
    topics
        .keySet()
        .forEach(
            n -> {
              if (names.contains(n)) {
                out.add(n);
              }
            });
    return out;
  }
}
