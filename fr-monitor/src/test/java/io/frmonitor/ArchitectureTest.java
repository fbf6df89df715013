package io.frmonitor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps dependencies pointing one way and each client library inside the package that adapts it.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          // the test-support module's classes are tests' helpers, wherever Maven puts them
          .withImportOption(location -> !location.contains("test-support"))
          .importPackages("io.frmonitor");

  @Test
  void layersDependOnlyDownwards() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("app")
        .definedBy("io.frmonitor.app..")
        .layer("api")
        .definedBy("io.frmonitor.api..")
        .layer("export")
        .definedBy("io.frmonitor.export..")
        .layer("state")
        .definedBy("io.frmonitor.state..")
        .layer("alert")
        .definedBy("io.frmonitor.alert..")
        .layer("family")
        .definedBy("io.frmonitor.family..")
        .layer("collect")
        .definedBy("io.frmonitor.collect..")
        .layer("codec")
        .definedBy("io.frmonitor.codec..")
        .layer("schedule")
        .definedBy("io.frmonitor.schedule..")
        .layer("registry")
        .definedBy("io.frmonitor.registry..")
        .layer("metric")
        .definedBy("io.frmonitor.metric..")
        .layer("model")
        .definedBy("io.frmonitor.model..")
        .layer("config")
        .definedBy("io.frmonitor.config..")
        .layer("logging")
        .definedBy("io.frmonitor.logging..")
        .whereLayer("app")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("api")
        .mayOnlyBeAccessedByLayers("app")
        .whereLayer("export")
        .mayOnlyBeAccessedByLayers("app", "api")
        .whereLayer("state")
        .mayOnlyBeAccessedByLayers("app")
        .whereLayer("alert")
        .mayOnlyBeAccessedByLayers("app", "api", "state")
        .whereLayer("family")
        .mayOnlyBeAccessedByLayers("app", "api", "export", "alert")
        .whereLayer("collect")
        .mayOnlyBeAccessedByLayers("app")
        .whereLayer("codec")
        .mayOnlyBeAccessedByLayers("app", "collect")
        .whereLayer("schedule")
        .mayOnlyBeAccessedByLayers("app", "api", "alert", "collect")
        .whereLayer("registry")
        .mayOnlyBeAccessedByLayers("app", "api", "export", "state", "alert", "family", "collect")
        .whereLayer("metric")
        .mayOnlyBeAccessedByLayers("app", "api", "export", "alert", "family")
        .whereLayer("model")
        .mayOnlyBeAccessedByLayers(
            "app", "api", "export", "state", "alert", "family", "collect", "registry", "metric")
        // reached only through SLF4J, which finds it as a service
        .whereLayer("logging")
        .mayNotBeAccessedByAnyLayer()
        .check(CLASSES);
  }

  @Test
  void collectorsDoNotKnowEachOther() {
    slices().matching("io.frmonitor.collect.(*)..").should().notDependOnEachOther().check(CLASSES);
  }

  @Test
  void familiesDoNotKnowEachOther() {
    slices().matching("io.frmonitor.family.(*)..").should().notDependOnEachOther().check(CLASSES);
  }

  @Test
  void jnaStaysInTheGpuCollector() {
    confined("com.sun.jna..", "io.frmonitor.collect.gpu..");
  }

  @Test
  void javalinJettyAndJacksonStayInTheApiAndTheCodec() {
    confined("io.javalin..", "io.frmonitor.api..");
    confined("org.eclipse.jetty..", "io.frmonitor.api..");
    // the rules file is YAML, read into a tree in one class; the notifiers write JSON bodies
    confined(
        "com.fasterxml.jackson.core..",
        "io.frmonitor.api..",
        "io.frmonitor.codec..",
        "io.frmonitor.alert.rule..",
        "io.frmonitor.alert.notify..");
    confined(
        "com.fasterxml.jackson.databind..",
        "io.frmonitor.api..",
        "io.frmonitor.codec..",
        "io.frmonitor.alert.rule..",
        "io.frmonitor.alert.notify..");
    confined("com.fasterxml.jackson.dataformat..", "io.frmonitor.alert.rule..");
    // a family's response records say how they are named and described in JSON
    confined(
        "com.fasterxml.jackson.annotation..",
        "io.frmonitor.api..",
        "io.frmonitor.codec..",
        "io.frmonitor.family..");
  }

  @Test
  void jedisStaysInTheRedisCollectorAndTheRedisStreamCopy() {
    confined("redis.clients..", "io.frmonitor.collect.redis..", "io.frmonitor.state.redis..");
  }

  @Test
  void amqpClientStaysInTheRabbitMqCollector() {
    confined("com.rabbitmq..", "io.frmonitor.collect.rabbitmq..");
  }

  @Test
  void prometheusClientStaysInTheExporter() {
    confined("io.prometheus..", "io.frmonitor.export..");
  }

  private static void confined(String library, String... homes) {
    noClasses()
        .that()
        .resideOutsideOfPackages(homes)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(library)
        .because(library + " is adapted in " + String.join(", ", homes) + " only")
        .check(CLASSES);
  }
}
