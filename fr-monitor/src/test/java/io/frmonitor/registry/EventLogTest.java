package io.frmonitor.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.model.Event;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventLogTest {
  private static Event event(int n, String kind) {
    return new Event(Instant.ofEpochSecond(n), kind, Map.of("n", Integer.toString(n)));
  }

  @Test
  void dropsAndCountsOldestWhenFull() {
    EventLog log = new EventLog(3);
    for (int i = 1; i <= 5; i++) {
      log.append(event(i, "k"));
    }
    assertThat(log.size()).isEqualTo(3);
    assertThat(log.dropped()).isEqualTo(2);
    assertThat(log.newest(10, null))
        .extracting(e -> e.fields().get("n"))
        .containsExactly("5", "4", "3");
  }

  @Test
  void filtersByKindAndLimits() {
    EventLog log = new EventLog(10);
    log.append(event(1, "a"));
    log.append(event(2, "b"));
    log.append(event(3, "a"));
    log.append(event(4, "a"));
    assertThat(log.newest(2, "a")).extracting(e -> e.fields().get("n")).containsExactly("4", "3");
  }

  @Test
  void theLimitCountsOnlyTheEventsThatPassTheFilter() {
    EventLog log = new EventLog(10);
    log.append(event(1, "a"));
    log.append(event(2, "a"));
    log.append(event(3, "a"));
    for (int n = 4; n <= 8; n++) {
      log.append(event(n, "b"));
    }
    assertThat(log.newestMatching(2, e -> e.kind().equals("a")))
        .as("the newest two of kind a, though five newer events of kind b come first")
        .extracting(e -> e.fields().get("n"))
        .containsExactly("3", "2");
    assertThat(log.newestMatching(10, e -> false)).isEmpty();
  }

  @Test
  void anEventStampedBeforeOneAlreadyAppendedTakesItsPlaceByTime() {
    // two collector threads: result_tap stamped its change at 147 and appended first, frame_tap
    // stamped at 143 and appended a moment later
    EventLog log = new EventLog(10);
    log.append(event(140, "collector_status_change"));
    log.append(event(147, "collector_status_change"));
    log.append(event(143, "collector_status_change"));

    assertThat(log.newest(10, null))
        .extracting(e -> e.fields().get("n"))
        .containsExactly("147", "143", "140");
  }

  @Test
  void aLateEventOlderThanEverythingInAFullLogIsTheOneDropped() {
    EventLog log = new EventLog(2);
    log.append(event(5, "k"));
    log.append(event(6, "k"));
    log.append(event(4, "k"));

    assertThat(log.newest(10, null)).extracting(e -> e.fields().get("n")).containsExactly("6", "5");
    assertThat(log.dropped()).isEqualTo(1);
  }
}
