package io.frmonitor.collect.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcFilesTest {
  private static final Set<String> WANTED = Set.of("PIPELINE_ID", "NAMESPACE");

  private static byte[] env(String... entries) {
    return (String.join("\0", entries) + "\0").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void startTimeIsField22CountedPastACommWithSpacesAndParentheses() {
    String stat =
        "41877 (python3 (worker) 1) S 41850 41877 41850 0 -1 4194560 3 0 0 0 12 4 0 0 20 0 9 0"
            + " 987654 2345678 5678 18446744073709551615 1 1 0 0 0 0 0 16781312 2 0 0 0 17 3 0 0 0"
            + " 0 0\n";
    assertThat(ProcFiles.startTime(stat)).hasValue(987654);
  }

  @Test
  void startTimeOfNotAStatLineIsEmpty() {
    assertThat(ProcFiles.startTime("")).isEmpty();
    assertThat(ProcFiles.startTime("1 (x) S 0")).isEmpty();
    assertThat(ProcFiles.startTime("1 (x) S 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 zz 1")).isEmpty();
  }

  @Test
  void kthreaddIsRecognisedOnlyAsPid2OfTheHostNamespace() {
    assertThat(ProcFiles.isKthreadd(Fixtures.text("proc/status-kthreadd-captured.txt"))).isTrue();
    assertThat(ProcFiles.isKthreadd(Fixtures.text("proc/status-container-pid2.txt"))).isFalse();
    assertThat(ProcFiles.isKthreadd("Name:\tkthreadd\nPPid:\t1\n")).isFalse();
  }

  @Test
  void environDecodesOnlyTheWantedVariablesFirstOneWinning() {
    byte[] raw =
        env(
            "RMQ_URL=amqp://user:secret@rmq_Server:5672",
            "PIPELINE_ID=3",
            "PIPELINE_IDX=9",
            "NAMESPACE=S1=main",
            "PIPELINE_ID=7");
    ProcFiles.Environ e = ProcFiles.environ(raw, 1024, WANTED);
    assertThat(e.values()).isEqualTo(Map.of("PIPELINE_ID", "3", "NAMESPACE", "S1=main"));
    assertThat(e.truncated()).isFalse();
  }

  @Test
  void environWithoutTheVariablesIsEmptyNotAnError() {
    ProcFiles.Environ e = ProcFiles.environ(env("PATH=/usr/bin", "HOME=/root"), 1024, WANTED);
    assertThat(e.values()).isEmpty();
    assertThat(e.get("PIPELINE_ID")).isEmpty();
    assertThat(ProcFiles.environ(new byte[0], 1024, WANTED).values()).isEmpty();
  }

  @Test
  void aLongEnvironIsCutAtTheBoundAndTheCutEntryDropped() {
    byte[] raw = env("PIPELINE_ID=3", "NAMESPACE=S1");
    // "PIPELINE_ID=3\0NAMESPACE=S" fits in the bound: the cut NAMESPACE is not a value
    int limit = "PIPELINE_ID=3\0NAMESPACE=S".length();
    ProcFiles.Environ e = ProcFiles.environ(raw, limit, WANTED);
    assertThat(e.truncated()).isTrue();
    assertThat(e.values()).isEqualTo(Map.of("PIPELINE_ID", "3"));
  }

  @Test
  void anEnvironEndingWithoutNulKeepsItsLastEntryWhenWhole() {
    byte[] raw = "A=1\0PIPELINE_ID=5".getBytes(StandardCharsets.UTF_8);
    assertThat(ProcFiles.environ(raw, 1024, WANTED).values()).containsEntry("PIPELINE_ID", "5");
  }
}
