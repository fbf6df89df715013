package io.frmonitor.app;

/** Entry point of {@code fr-monitor.jar}; see {@link Cli} for the commands. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = new Cli(System.getenv(), System.out, System.err).run(args);
    if (code != Cli.KEEP_RUNNING) {
      System.exit(code);
    }
  }
}
