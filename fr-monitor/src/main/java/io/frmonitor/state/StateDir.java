package io.frmonitor.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The state directory on disk: its lock (one fr-monitor per directory), the state file read once at
 * start — an unreadable one moved aside, never overwritten — and written atomically: a temporary
 * file, flushed to the disk, renamed over the old one, the directory flushed too. A crash at any
 * moment leaves the old file or the new one, whole.
 *
 * <p>Thread safety: {@link #write} is called by one thread at a time (the state keeper's).
 */
public final class StateDir implements AutoCloseable {
  /** The state file's name in the directory. */
  public static final String FILE = "state.bin";

  static final String LOCK = "lock";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private StateDir(Path dir, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Creates the directory if needed and takes its lock, held until {@link #close}.
   *
   * @throws StateInUseException when another process (or another instance in this one) holds it
   * @throws IOException when the directory cannot be created or its lock file opened
   */
  public static StateDir open(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path lockFile = dir.resolve(LOCK);
    FileChannel channel =
        FileChannel.open(
            lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      String holder = holder(channel);
      channel.close();
      throw new StateInUseException(
          "the state directory "
              + dir
              + " is in use by another fr-monitor"
              + holder
              + ": give each instance its own MONITORING_STATE_DIR, or stop the other");
    }
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
        0);
    return new StateDir(dir, channel, lock);
  }

  /** The pid the holder wrote in the lock file, as " (pid N)", or nothing. */
  private static String holder(FileChannel channel) {
    try {
      ByteBuffer b = ByteBuffer.allocate(32);
      channel.read(b, 0);
      String pid = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
      return pid.matches("[0-9]+") ? " (pid " + pid + ")" : "";
    } catch (IOException e) {
      return "";
    }
  }

  public Path dir() {
    return dir;
  }

  public Path file() {
    return dir.resolve(FILE);
  }

  /**
   * The state the last run left: none when there is no file; when it cannot be read, the file is
   * moved aside ({@code state.bin.corrupt-<time>}) and the outcome says why.
   */
  public Loaded read(Instant now) {
    Path file = file();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Loaded(Optional.empty(), Optional.empty(), true);
    } catch (IOException e) {
      return new Loaded(
          Optional.empty(), Optional.of(file + " cannot be read: " + e.getMessage()), false);
    }
    try {
      return new Loaded(Optional.of(StateCodec.decode(bytes)), Optional.empty(), true);
    } catch (StateFormatException e) {
      Path aside = dir.resolve(FILE + ".corrupt-" + STAMP.format(now));
      try {
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        return new Loaded(
            Optional.empty(),
            Optional.of(file + " is unreadable (" + e.getMessage() + "); kept as " + aside),
            true);
      } catch (IOException moving) {
        return new Loaded(
            Optional.empty(),
            Optional.of(
                file
                    + " is unreadable ("
                    + e.getMessage()
                    + ") and cannot be moved aside ("
                    + moving.getMessage()
                    + "); it will not be written over"),
            false);
      }
    }
  }

  /**
   * Replaces the state file with {@code image}'s, atomically; the image is streamed to the file
   * ({@link StateCodec#write}), never held whole in memory.
   *
   * @return the file's length in bytes
   * @throws IOException when it cannot (a full disk, no permission): the old file is then intact
   * @throws RuntimeException what encoding the image throws (the old file is intact then too)
   */
  public long write(StateImage image) throws IOException {
    Path tmp = dir.resolve(FILE + ".tmp");
    long length;
    try {
      try (FileChannel out =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE,
              StandardOpenOption.READ)) { // the writer reads the series section back
        length = StateCodec.write(image, out);
        out.force(true);
      }
      try {
        Files.move(
            tmp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the file system cannot rename atomically: " + e.getMessage(), e);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true); // the rename itself reaches the disk
    } catch (IOException e) {
      // some file systems cannot flush a directory; the rename is then as durable as they make it
    }
    return length;
  }

  /** Releases the lock. */
  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      lockChannel.close();
    }
  }

  /**
   * What reading the state found.
   *
   * @param image the state, when there was a readable one
   * @param problem why there is none though a file is there
   * @param writable false when the file there must not be written over (it could not be moved
   *     aside, or not even read)
   */
  public record Loaded(Optional<StateImage> image, Optional<String> problem, boolean writable) {}
}
