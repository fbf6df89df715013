package io.frmonitor.simulator;

/**
 * {@code java -jar fr-simulator.jar [options]}: exit 0 after a run, 2 on a bad option (one line
 * naming it) or when the target holds an fr-server's data and {@code --force} was not given (the
 * message names what was found; nothing was written), 1 when the broker or Redis cannot be used.
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
    } catch (TargetGuard.Refusal e) {
      System.err.println("fr-simulator: " + e.getMessage());
      System.exit(2);
    } catch (Exception e) {
      System.err.println("fr-simulator: " + e);
      System.exit(1);
    }
  }
}
