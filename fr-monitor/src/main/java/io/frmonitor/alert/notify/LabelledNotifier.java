package io.frmonitor.alert.notify;

import io.frmonitor.alert.eval.AlertInstance;
import io.frmonitor.alert.eval.Transition;
import io.frmonitor.model.AlertsSnapshot;
import java.util.Map;
import java.util.TreeMap;

/**
 * A notifier whose alerts all carry some labels more, as Prometheus's {@code external_labels} do:
 * fr-monitor's {@code server} (its {@code MONITORING_SERVER_NAME}), so that one Alertmanager or
 * receiver fed by a fleet of monitors can tell, group and route their alerts by server. A label an
 * alert already has keeps its value. The fingerprint is the one of the labels sent.
 *
 * <p>Thread safety: as the wrapped notifier's; the labels are immutable.
 */
public final class LabelledNotifier implements Notifier {
  private final Notifier delegate;
  private final Map<String, String> labels;

  public LabelledNotifier(Notifier delegate, Map<String, String> labels) {
    this.delegate = delegate;
    this.labels = Map.copyOf(labels);
  }

  @Override
  public void offer(AlertBatch batch) {
    delegate.offer(
        new AlertBatch(
            batch.at(),
            batch.alerts().stream().map(this::labelled).toList(),
            batch.transitions().stream()
                .map(t -> new Transition(labelled(t.instance()), t.from(), t.to(), t.at()))
                .toList()));
  }

  private AlertInstance labelled(AlertInstance a) {
    Map<String, String> all = new TreeMap<>(labels);
    all.putAll(a.labels());
    return new AlertInstance(
        a.rule(),
        all,
        a.annotations(),
        a.phase(),
        a.activeAt(),
        a.firedAt(),
        a.resolvedAt(),
        a.lastActiveAt(),
        a.value(),
        a.noDataSince(),
        a.noDataReason());
  }

  @Override
  public AlertsSnapshot.Notifier status() {
    return delegate.status();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
