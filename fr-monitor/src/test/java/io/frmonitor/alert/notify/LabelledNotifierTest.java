package io.frmonitor.alert.notify;

import static io.frmonitor.alert.notify.TestAlerts.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.alert.eval.AlertInstance;
import io.frmonitor.alert.eval.Transition;
import io.frmonitor.model.AlertsSnapshot;
import io.frmonitor.model.Health;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelledNotifierTest {
  private final List<AlertBatch> seen = new ArrayList<>();
  private boolean closed;

  private final Notifier recording =
      new Notifier() {
        @Override
        public void offer(AlertBatch batch) {
          seen.add(batch);
        }

        @Override
        public AlertsSnapshot.Notifier status() {
          return new AlertsSnapshot.Notifier(
              "recording", "webhook", Health.OK, Map.of(), Optional.empty(), Optional.empty(), 0);
        }

        @Override
        public void close() {
          closed = true;
        }
      };

  private final LabelledNotifier labelled = new LabelledNotifier(recording, Map.of("server", "S1"));

  @Test
  void everyAlertAndTransitionCarriesTheServerAndItsFingerprintFollows() {
    AlertInstance gpu = TestAlerts.firing("GpuHot", Map.of("gpu", "0"), T0);
    labelled.offer(
        new AlertBatch(T0, List.of(gpu), List.of(new Transition(gpu, "pending", "firing", T0))));

    AlertBatch sent = seen.get(0);
    assertThat(sent.alerts().get(0).labels())
        .containsEntry("server", "S1")
        .containsEntry("gpu", "0")
        .containsEntry("alertname", "GpuHot");
    assertThat(sent.alerts().get(0).fingerprint()).isNotEqualTo(gpu.fingerprint());
    assertThat(sent.alerts().get(0).annotations()).isEqualTo(gpu.annotations());
    assertThat(sent.transitions().get(0).instance().labels()).containsEntry("server", "S1");
    assertThat(sent.transitions().get(0).to()).isEqualTo("firing");
  }

  @Test
  void aServerLabelTheAlertHasKeepsItsValue() {
    AlertInstance own = TestAlerts.firing("Custom", Map.of("server", "minio-2"), T0);
    labelled.offer(new AlertBatch(T0, List.of(own), List.of()));
    assertThat(seen.get(0).alerts().get(0).labels()).containsEntry("server", "minio-2");
  }

  @Test
  void statusAndCloseAreTheWrappedNotifiers() {
    assertThat(labelled.status().name()).isEqualTo("recording");
    labelled.close();
    assertThat(closed).isTrue();
  }
}
