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
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a webhook hears of a rule's group, and what the message holds. */
class WebhookPlannerTest {
  private final WebhookPlanner planner = new WebhookPlanner(Duration.ofHours(4));
  private final AlertInstance a = firing("GpuHot", "gpu0", T0);
  private final AlertInstance b = firing("GpuHot", "gpu1", T0);
  private final AlertInstance q = firing("QueueDeep", "frames", T0);

  private static Instant at(Duration d) {
    return T0.plus(d);
  }

  private static List<String> rules(List<WebhookPlanner.Group> groups) {
    return groups.stream().map(WebhookPlanner.Group::rule).toList();
  }

  @Test
  void sendsOneGroupPerRuleThatStartsFiring() {
    List<WebhookPlanner.Group> groups = planner.plan(batch(T0, a, b, q));
    assertThat(rules(groups)).containsExactly("GpuHot", "QueueDeep");
    assertThat(groups.get(0).alerts()).containsExactly(a, b);
    assertThat(groups.get(1).alerts()).containsExactly(q);
  }

  @Test
  void sendsNothingWhileNothingChanges() {
    planner.plan(batch(T0, a, q));
    assertThat(planner.plan(batch(at(Duration.ofMinutes(1)), a, q))).isEmpty();
    assertThat(planner.plan(batch(at(Duration.ofHours(3)), a, q))).isEmpty();
  }

  @Test
  void sendsOnlyTheRuleWhoseGroupChangedWithAllItsFiringAlerts() {
    planner.plan(batch(T0, a, q));
    List<WebhookPlanner.Group> groups = planner.plan(batch(at(Duration.ofMinutes(1)), a, b, q));
    assertThat(rules(groups)).containsExactly("GpuHot");
    assertThat(groups.get(0).alerts()).containsExactly(a, b);
  }

  @Test
  void sendsAResolutionOnceWithTheGroupsFiringAlerts() {
    planner.plan(batch(T0, a, b));
    AlertInstance bResolved = resolved(b, at(Duration.ofMinutes(2)));
    List<WebhookPlanner.Group> groups =
        planner.plan(batch(at(Duration.ofMinutes(2)), a, bResolved));
    assertThat(groups)
        .singleElement()
        .satisfies(g -> assertThat(g.alerts()).containsExactly(a, bResolved));
    assertThat(planner.plan(batch(at(Duration.ofMinutes(3)), a, bResolved))).isEmpty();
  }

  @Test
  void sendsAGroupWhoseLastAlertResolvedAndThenForgetsIt() {
    planner.plan(batch(T0, q));
    AlertInstance qResolved = resolved(q, at(Duration.ofMinutes(1)));
    assertThat(planner.plan(batch(at(Duration.ofMinutes(1)), qResolved)))
        .singleElement()
        .satisfies(g -> assertThat(g.alerts()).containsExactly(qResolved));
    assertThat(planner.plan(batch(at(Duration.ofMinutes(2)), qResolved))).isEmpty();
    assertThat(planner.plan(batch(at(Duration.ofHours(5)), qResolved))).isEmpty();
  }

  @Test
  void repeatsAGroupThatStillFiresEveryRepeatInterval() {
    planner.plan(batch(T0, a, q));
    planner.plan(batch(at(Duration.ofHours(1)), a, b, q));
    List<WebhookPlanner.Group> groups = planner.plan(batch(at(Duration.ofHours(4)), a, b, q));
    assertThat(rules(groups)).containsExactly("QueueDeep");
    assertThat(rules(planner.plan(batch(at(Duration.ofHours(5)), a, b, q))))
        .containsExactly("GpuHot");
    assertThat(planner.plan(batch(at(Duration.ofHours(6)), a, b, q))).isEmpty();
  }

  @Test
  void pendingInstancesAreNotNotified() {
    assertThat(planner.plan(batch(T0, pending(a)))).isEmpty();
  }

  @Test
  void aFiringInstanceWithoutDataStaysFiringAndIsNotAnnouncedAgain() {
    planner.plan(batch(T0, a));
    assertThat(planner.plan(batch(at(Duration.ofMinutes(1)), noData(a, at(Duration.ofMinutes(1))))))
        .isEmpty();
    assertThat(planner.plan(batch(at(Duration.ofMinutes(2)), a))).isEmpty();
  }

  @Test
  void anInstanceThatLeavesWithoutResolvingIsForgottenSilently() {
    planner.plan(batch(T0, a, b));
    assertThat(planner.plan(batch(at(Duration.ofMinutes(1)), a))).isEmpty();
    assertThat(planner.plan(batch(at(Duration.ofMinutes(2)), a, b)))
        .singleElement()
        .satisfies(g -> assertThat(g.alerts()).containsExactly(a, b));
  }

  @Test
  void anInstanceFiringAgainIsAnnouncedFiringNotResolved() {
    planner.plan(batch(T0, a));
    AlertInstance aResolved = resolved(a, at(Duration.ofMinutes(1)));
    planner.plan(batch(at(Duration.ofMinutes(1)), aResolved));
    AlertInstance again = firing("GpuHot", "gpu0", at(Duration.ofMinutes(2)));
    assertThat(planner.plan(batch(at(Duration.ofMinutes(2)), aResolved, again)))
        .singleElement()
        .satisfies(g -> assertThat(g.alerts()).containsExactly(again));
  }
}
