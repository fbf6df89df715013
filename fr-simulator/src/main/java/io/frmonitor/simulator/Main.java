package io.frmonitor.simulator;

/**
 * {@code java -jar fr-simulator.jar [options]}: exit 0 after a run, 2 on a bad option (one line
 * naming it), 1 when the broker or Redis cannot be used.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.print(SimOptions.USAGE);
      return;
    }
    SimOptions options;
    try {
      options = SimOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("fr-simulator: " + e.getMessage() + " (--help lists the options)");
      System.exit(2);
      return;
    }
    try {
      Truth truth = new Simulation(options, System.out).run();
      if (options.truth().isPresent()) {
        truth.write(options.truth().get());
      }
    } catch (Exception e) {
      System.err.println("fr-simulator: " + e);
      System.exit(1);
    }
  }
}
