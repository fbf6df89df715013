package io.frmonitor.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirTest {
  private static final Instant NOW = Instant.parse("2026-11-29T19:00:00Z");

  @TempDir Path tmp;

  @Test
  void writesAtomicallyAndReadsBack() throws IOException {
    Path dir = tmp.resolve("state");
    try (StateDir d = StateDir.open(dir)) {
      assertThat(d.read(NOW).image()).as("nothing written yet").isEmpty();
      StateImage image = StateImage.empty(NOW);
      d.write(image);
      long length = d.write(image);
      assertThat(d.read(NOW).image()).contains(image);
      assertThat(length).isEqualTo(Files.size(d.file()));
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .as("no temporary file left")
            .containsExactlyInAnyOrder("state.bin", "lock");
      }
    }
  }

  @Test
  void aWriteThatFailsMidwayLeavesTheOldFileAndNoTemporaryOne() throws IOException {
    try (StateDir d = StateDir.open(tmp)) {
      StateImage old = StateImage.empty(NOW);
      d.write(old);
      List<SeriesHistory> failing =
          new AbstractList<>() {
            @Override
            public SeriesHistory get(int index) {
              if (index == 2) {
                throw new IllegalStateException("ring gone");
              }
              return new SeriesHistory("s" + index, new long[] {1}, new double[] {2});
            }

            @Override
            public int size() {
              return 3;
            }
          };
      StateImage broken = new StateImage(NOW, failing, List.of(), List.of(), List.of(), List.of());

      assertThatThrownBy(() -> d.write(broken)).hasMessage("ring gone");
      assertThat(d.read(NOW).image()).contains(old);
      try (Stream<Path> files = Files.list(tmp)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder("state.bin", "lock");
      }
    }
  }

  @Test
  void aSecondInstanceOnTheDirectoryIsRefusedNamingIt() throws IOException {
    try (StateDir first = StateDir.open(tmp)) {
      assertThat(first.dir()).isEqualTo(tmp);
      assertThatThrownBy(() -> StateDir.open(tmp))
          .isInstanceOf(StateInUseException.class)
          .hasMessageContaining("the state directory " + tmp + " is in use by another fr-monitor")
          .hasMessageContaining("give each instance its own MONITORING_STATE_DIR");
      assertThat(Files.readString(tmp.resolve("lock")).trim())
          .isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }
    StateDir.open(tmp).close(); // released with the first
  }

  @Test
  void anUnreadableFileIsMovedAsideNeverWrittenOver() throws IOException {
    byte[] garbage = "not a state file".getBytes(StandardCharsets.UTF_8);
    Files.write(tmp.resolve("state.bin"), garbage);
    try (StateDir d = StateDir.open(tmp)) {
      StateDir.Loaded loaded = d.read(NOW);
      assertThat(loaded.image()).isEmpty();
      assertThat(loaded.writable()).isTrue();
      Path aside = tmp.resolve("state.bin.corrupt-20261129T190000Z");
      assertThat(loaded.problem())
          .hasValueSatisfying(
              p ->
                  assertThat(p)
                      .contains("is unreadable (not an fr-monitor state file")
                      .endsWith("kept as " + aside));
      assertThat(aside).hasBinaryContent(garbage);
      assertThat(tmp.resolve("state.bin")).doesNotExist();
    }
  }

  @Test
  void aDirectoryThatCannotBeCreatedFailsWithTheReason() throws IOException {
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    assertThatThrownBy(() -> StateDir.open(file.resolve("state"))).isInstanceOf(IOException.class);
  }
}
