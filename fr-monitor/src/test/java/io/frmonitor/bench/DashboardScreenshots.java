package io.frmonitor.bench;

import io.frmonitor.testing.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The screenshots of docs/screenshots, taken by scripts/screenshots from a running monitor: the
 * overview at 1280×800 and 1920×1080 in both themes, and drill-down pages. Arguments: the
 * dashboard's URL, the folder to write to, then the drill-down pages' hashes (such as {@code
 * #/pipeline/1}).
 */
public final class DashboardScreenshots {
  private record Size(int width, int height) {}

  private static final List<Size> SIZES = List.of(new Size(1280, 800), new Size(1920, 1080));

  private DashboardScreenshots() {}

  public static void main(String[] args) throws Exception {
    HeadlessChromium.required();
    String url = args[0];
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    for (String theme : List.of("light", "dark")) {
      for (Size size : SIZES) {
        take(
            url,
            "",
            theme,
            size,
            out.resolve("dashboard-%dx%d-%s.png".formatted(size.width(), size.height(), theme)));
      }
    }
    for (int i = 2; i < args.length; i++) {
      String view = args[i].replaceAll("^#/", "").replaceAll("[^A-Za-z0-9_]+", "-");
      take(url, args[i], "light", SIZES.get(0), out.resolve("view-" + view + ".png"));
    }
  }

  /** One screenshot of the window: the theme and the 15-minute range chosen, the page settled. */
  private static void take(String url, String hash, String theme, Size size, Path file)
      throws Exception {
    ChromeDriver browser = HeadlessChromium.start(size.width(), size.height());
    try {
      // the page's viewport exactly this size (the window's includes what a browser draws round it)
      browser.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          Map.of(
              "width",
              size.width(),
              "height",
              size.height(),
              "deviceScaleFactor",
              1,
              "mobile",
              false));
      browser.get(url);
      ((JavascriptExecutor) browser)
          .executeScript(
              "localStorage.setItem('frmonitor.theme', arguments[0]);"
                  + " localStorage.setItem('frmonitor.range', '15m');",
              theme);
      browser.get(url + hash);
      // a new hash alone is no new page: load it again with the settings above
      browser.navigate().refresh();
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(b -> b.findElement(By.id("connection")).getText().equals("live"));
      // a few collections: the charts drawn, the strip's sparklines started
      Thread.sleep(12_000);
      Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
      System.out.println("wrote " + file);
    } finally {
      browser.quit();
    }
  }
}
