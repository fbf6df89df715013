package io.frmonitor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

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
        .layer("collect")
        .definedBy("io.frmonitor.collect..")
        .layer("registry")
        .definedBy("io.frmonitor.registry..")
        .layer("model")
        .definedBy("io.frmonitor.model..")
        .layer("config")
        .definedBy("io.frmonitor.config..")
        .whereLayer("app")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("api")
        .mayOnlyBeAccessedByLayers("app")
        .whereLayer("export")
        .mayOnlyBeAccessedByLayers("app", "api")
        .whereLayer("collect")
        .mayOnlyBeAccessedByLayers("app")
        .whereLayer("registry")
        .mayOnlyBeAccessedByLayers("app", "api", "export", "collect")
        .whereLayer("model")
        .mayOnlyBeAccessedByLayers("app", "api", "export", "collect", "registry")
        .check(CLASSES);
  }

  @Test
  void collectorsDoNotKnowEachOther() {
    noClasses()
        .that()
        .resideInAPackage("io.frmonitor.collect.host..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.frmonitor.collect.gpu..")
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAPackage("io.frmonitor.collect.gpu..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.frmonitor.collect.host..")
        .check(CLASSES);
  }

  @Test
  void oshiStaysInTheHostCollector() {
    confined("oshi..", "io.frmonitor.collect.host..");
  }

  @Test
  void jnaStaysInTheGpuCollector() {
    confined("com.sun.jna..", "io.frmonitor.collect.gpu..");
  }

  @Test
  void javalinJettyAndJacksonStayInTheApiAndTheCodec() {
    confined("io.javalin..", "io.frmonitor.api..");
    confined("org.eclipse.jetty..", "io.frmonitor.api..");
    confined("com.fasterxml.jackson..", "io.frmonitor.api..", "io.frmonitor.codec..");
  }

  @Test
  void jedisStaysInTheRedisCollector() {
    confined("redis.clients..", "io.frmonitor.collect.redis..");
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
