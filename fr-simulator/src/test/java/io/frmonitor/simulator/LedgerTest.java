package io.frmonitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerTest {
  private final Ledger ledger = new Ledger();
  private final Map<String, Object> frame = Map.of("client_name", "obama");

  @Test
  void aFrameIsKeptUntilBothResultsHaveAskedForIt() {
    ledger.frame("k", frame);
    assertThat(ledger.frameFor("k")).isSameAs(frame);
    assertThat(ledger.frameFor("k")).isSameAs(frame);
    assertThat(ledger.frameFor("k")).as("gone after the second").isNull();
  }

  @Test
  void aForgottenFrameIsGone() {
    ledger.frame("k", frame);
    ledger.forget("k");
    assertThat(ledger.frameFor("k")).isNull();
  }

  @Test
  void aResultIsTakenOnce() {
    Ledger.Result r =
        new Ledger.Result(new java.util.HashMap<>(), OutcomeMix.Face.PASS, false, false);
    ledger.result("k", "face", r);
    assertThat(ledger.takeResult("k", "phone")).isNull();
    assertThat(ledger.takeResult("k", "face")).isSameAs(r);
    assertThat(ledger.takeResult("k", "face")).isNull();
  }
}
