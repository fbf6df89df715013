package io.frmonitor.state;

import io.frmonitor.alert.engine.AlertHistory;
import io.frmonitor.alert.engine.Silences;
import io.frmonitor.alert.eval.AlertInstance;
import io.frmonitor.model.Event;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything fr-monitor keeps across a restart, as of one instant: the history of every series, the
 * event log, the alert instances (with the start of their {@code for}), the silences and the alert
 * history. Written by {@link StateCodec}.
 *
 * @param writtenAt when the image was taken
 * @param series the full-resolution history rings, oldest point first; may be computed as it is
 *     read (the writer copies one series at a time, not all of them at once)
 * @param events the event log, oldest first
 * @param alerts every alert instance (pending, firing, no_data, recently resolved)
 * @param silences every silence, expired ones still listed included
 * @param alertHistory the alert state changes of {@code /alerts/history}, oldest first
 * @param trends the one-minute trends, each oldest first; like {@code series}, may be computed as
 *     it is read
 */
public record StateImage(
    Instant writtenAt,
    List<SeriesHistory> series,
    List<Event> events,
    List<AlertInstance> alerts,
    List<Silences.Silence> silences,
    List<AlertHistory.Entry> alertHistory,
    List<TrendHistory> trends,
    Map<String, Map<String, long[]>> baselines) {
  public StateImage {
    series = Collections.unmodifiableList(series);
    events = List.copyOf(events);
    alerts = List.copyOf(alerts);
    silences = List.copyOf(silences);
    alertHistory = List.copyOf(alertHistory);
    trends = Collections.unmodifiableList(trends);
    baselines = Collections.unmodifiableMap(new TreeMap<>(baselines));
  }

  /** An image without baselines. */
  public StateImage(
      Instant writtenAt,
      List<SeriesHistory> series,
      List<Event> events,
      List<AlertInstance> alerts,
      List<Silences.Silence> silences,
      List<AlertHistory.Entry> alertHistory,
      List<TrendHistory> trends) {
    this(writtenAt, series, events, alerts, silences, alertHistory, trends, Map.of());
  }

  /** An image without trends (kept when the trend tier is off). */
  public StateImage(
      Instant writtenAt,
      List<SeriesHistory> series,
      List<Event> events,
      List<AlertInstance> alerts,
      List<Silences.Silence> silences,
      List<AlertHistory.Entry> alertHistory) {
    this(writtenAt, series, events, alerts, silences, alertHistory, List.of(), Map.of());
  }

  /** An image with nothing in it. */
  public static StateImage empty(Instant at) {
    return new StateImage(at, List.of(), List.of(), List.of(), List.of(), List.of());
  }
}
