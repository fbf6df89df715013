package io.frmonitor.alert.notify;

import static io.frmonitor.alert.notify.TestAlerts.T0;
import static io.frmonitor.alert.notify.TestAlerts.batch;
import static io.frmonitor.alert.notify.TestAlerts.firing;
import static io.frmonitor.alert.notify.TestAlerts.noData;
import static io.frmonitor.alert.notify.TestAlerts.pending;
import static io.frmonitor.alert.notify.TestAlerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.alert.eval.AlertInstance;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When an Alertmanager is sent the alerts, and which. */
class AlertmanagerPlannerTest {
  private final AlertmanagerPlanner planner = new AlertmanagerPlanner(Duration.ofMinutes(1));
  private final AlertInstance a = firing("GpuHot", "gpu0", T0);
  private final AlertInstance q = firing("QueueDeep", "frames", T0);

  private static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void sendsEveryFiringAlertAtOnce() {
    assertThat(planner.plan(batch(T0, a, q))).containsExactly(a, q);
  }

  @Test
  void sendsAllOfThemAgainWhenOneStartsFiring() {
    planner.plan(batch(T0, a));
    assertThat(planner.plan(batch(at(15), a))).isEmpty();
    assertThat(planner.plan(batch(at(30), a, q))).containsExactly(a, q);
  }

  @Test
  void resendsEveryResendIntervalWhileFiring() {
    planner.plan(batch(T0, a));
    assertThat(planner.plan(batch(at(59), a))).isEmpty();
    assertThat(planner.plan(batch(at(60), a))).containsExactly(a);
    assertThat(planner.plan(batch(at(90), a))).isEmpty();
    assertThat(planner.plan(batch(at(120), a))).containsExactly(a);
  }

  @Test
  void sendsAResolutionAtOnceAndResendsItWhileRetained() {
    planner.plan(batch(T0, a, q));
    AlertInstance aResolved = resolved(a, at(10));
    assertThat(planner.plan(batch(at(10), aResolved, q))).containsExactly(aResolved, q);
    assertThat(planner.plan(batch(at(20), aResolved, q))).isEmpty();
    assertThat(planner.plan(batch(at(70), aResolved, q))).containsExactly(aResolved, q);
    assertThat(planner.plan(batch(at(130), aResolved))).containsExactly(aResolved);
  }

  @Test
  void pendingInstancesAreNotSent() {
    assertThat(planner.plan(batch(T0, pending(a)))).isEmpty();
  }

  @Test
  void aFiringInstanceWithoutDataIsStillSentFiring() {
    planner.plan(batch(T0, a));
    AlertInstance blind = noData(a, at(10));
    assertThat(planner.plan(batch(at(10), blind))).isEmpty();
    assertThat(planner.plan(batch(at(60), blind))).containsExactly(blind);
  }

  @Test
  void anInstanceFiringAgainIsSentFiringOnly() {
    planner.plan(batch(T0, a));
    AlertInstance aResolved = resolved(a, at(10));
    planner.plan(batch(at(10), aResolved));
    AlertInstance again = firing("GpuHot", "gpu0", at(20));
    assertThat(planner.plan(batch(at(20), aResolved, again))).containsExactly(again);
  }
}
