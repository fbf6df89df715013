package io.frmonitor.deploy;

import io.frmonitor.testing.DockerDaemon;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The image {@code deploy/docker/build-image} builds, on a {@link DockerDaemon}: made once per test
 * run (the first test that asks for it) and removed, with the daemon the tests started, at the end
 * of the run (JUnit closes what its root store holds). A test method gets it as a parameter through
 * {@link Extension}. The build is timed.
 */
record BuiltImage(DockerDaemon daemon, String tag, Path root, Duration buildTime)
    implements AutoCloseable {
  static final String NAME = "fr-server-monitoring_service";

  /** The repository's root: the build puts the jar at {@code <root>/fr-monitor/target}. */
  static Path repositoryRoot() {
    Path jar = Path.of(System.getProperty("frmonitor.jar", "target/fr-monitor.jar"));
    return jar.toAbsolutePath().getParent().getParent().getParent();
  }

  private static BuiltImage build() throws IOException, InterruptedException {
    DockerDaemon daemon = DockerDaemon.start();
    Path root = repositoryRoot();
    String tag = NAME + ":it-" + UUID.randomUUID().toString().substring(0, 8);
    long begin = System.nanoTime();
    DockerDaemon.Result r =
        daemon.run(
            Duration.ofMinutes(10),
            root.resolve("deploy/docker/build-image").toString(),
            "--tag",
            tag);
    Duration took = Duration.ofNanos(System.nanoTime() - begin);
    if (r.exit() != 0) {
      daemon.close();
      throw new AssertionError(
          "deploy/docker/build-image failed (" + r.exit() + "):\n" + r.output());
    }
    System.out.printf("[figures] image %s built in %d s%n", tag, took.toSeconds());
    return new BuiltImage(daemon, tag, root, took);
  }

  /** Removes the image (when the daemon is the machine's) and stops the tests' own daemon. */
  @Override
  public void close() throws IOException {
    try {
      daemon.run(Duration.ofSeconds(60), "docker", "image", "rm", "-f", tag);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    daemon.close();
  }

  /** Hands {@link BuiltImage} to test methods; one per run, kept in the root context's store. */
  static final class Extension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == BuiltImage.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context
          .getRoot()
          .getStore(ExtensionContext.Namespace.create(BuiltImage.class))
          .getOrComputeIfAbsent(
              BuiltImage.class,
              k -> {
                try {
                  return build();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException(e);
                }
              },
              BuiltImage.class);
    }
  }
}
