package io.frmonitor.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.Event;
import io.frmonitor.model.Family;
import io.frmonitor.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricRegistryTest {
  private static final Family<String> FAM = new Family<>("fam", String.class);
  private final ManualClock clock = new ManualClock();
  private final MetricRegistry registry =
      new MetricRegistry(clock, Duration.ofMinutes(1), 12, 3, 5, Duration.ofSeconds(15));

  @Test
  void hasNoValueBeforeTheFirstPublication() {
    assertThat(registry.latest(FAM)).isEmpty();
  }

  @Test
  void latestCarriesCollectionTimeAndFreshness() {
    registry.publish(FAM, "v1", Map.of("fam.a", 1.0));
    Latest<String> l = registry.latest(FAM).orElseThrow();
    assertThat(l.value()).isEqualTo("v1");
    assertThat(l.collectedAt()).isEqualTo(clock.instant());
    assertThat(l.stale()).isFalse();
  }

  @Test
  void markStaleKeepsTheLastRealValue() {
    registry.publish(FAM, "v1", Map.of());
    registry.markStale(FAM);
    Latest<String> l = registry.latest(FAM).orElseThrow();
    assertThat(l.stale()).isTrue();
    assertThat(l.value()).isEqualTo("v1");

    registry.publish(FAM, "v2", Map.of());
    assertThat(registry.latest(FAM).orElseThrow().stale()).isFalse();
  }

  @Test
  void valueOlderThanTheLimitIsStaleEvenIfNobodySaidSo() {
    registry.publish(FAM, "v1", Map.of());
    clock.advance(Duration.ofSeconds(16));
    assertThat(registry.latest(FAM).orElseThrow().stale()).isTrue();
  }

  @Test
  void capsTheNumberOfSeriesAndCountsRefusals() {
    registry.publish(FAM, "v", Map.of("fam.a", 1.0, "fam.b", 2.0, "fam.c", 3.0));
    registry.publish(FAM, "v", Map.of("fam.d", 4.0, "fam.a", 5.0));
    assertThat(registry.allSeries()).containsOnlyKeys("fam.a", "fam.b", "fam.c");
    assertThat(registry.droppedSeries()).isEqualTo(1);
    assertThat(registry.series("fam.a").orElseThrow().size()).isEqualTo(2);
  }

  @Test
  void refusesSeriesOfAnotherFamily() {
    assertThatThrownBy(() -> registry.publish(FAM, "v", Map.of("other.x", 1.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other.x");
  }

  @Test
  void notifiesListenersAfterEachWriteAndSurvivesAFailingOne() {
    List<String> seen = new ArrayList<>();
    registry.addListener(
        new RegistryListener() {
          @Override
          public void onSnapshot(Family<?> family, Latest<?> latest) {
            throw new IllegalStateException("listener bug");
          }
        });
    registry.addListener(
        new RegistryListener() {
          @Override
          public void onSnapshot(Family<?> family, Latest<?> latest) {
            seen.add(family.name() + "=" + latest.value() + (latest.stale() ? " stale" : ""));
          }

          @Override
          public void onEvent(Event event) {
            seen.add("event " + event.kind());
          }

          @Override
          public void onStatus(CollectorStatus status) {
            seen.add("status " + status.name());
          }
        });
    registry.publish(FAM, "v1", Map.of());
    registry.markStale(FAM);
    registry.appendEvent(new Event(Instant.EPOCH, "k", Map.of()));
    registry.updateStatus(CollectorStatus.disabled("gpu", "none"));

    assertThat(seen).containsExactly("fam=v1", "fam=v1 stale", "event k", "status gpu");
  }

  @Test
  void familySeriesSelectsByPrefix() {
    Family<String> other = new Family<>("famous", String.class);
    registry.publish(FAM, "v", Map.of("fam.a", 1.0));
    registry.publish(other, "v", Map.of("famous.b", 1.0));
    assertThat(registry.familySeries(FAM)).containsOnlyKeys("fam.a");
  }
}
