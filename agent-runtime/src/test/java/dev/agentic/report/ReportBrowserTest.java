package dev.agentic.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report in a real browser: headless Chromium (Debian's {@code chromium}, or {@code AGENTIC_CHROMIUM})
 * opens the pages from disk, must log no console message, and must draw something. Screenshots are
 * kept in {@code target/report-*.png}.
 */
class ReportBrowserTest {

    static final Path REPORT = Path.of("target", "report");
    static List<Path> files;

    @BeforeAll
    static void writeReport() {
        files = HtmlReport.write(HtmlReport.scan(Path.of("..", "experiments")), REPORT);
    }

    record Browser(int exitCode, List<String> console) {}

    static Browser open(Path page, Path screenshot, int height) throws Exception {
        String chromium = System.getenv().getOrDefault("AGENTIC_CHROMIUM", "chromium");
        Path profile = Files.createTempDirectory("chromium-profile");
        Path log = Files.createTempFile("chromium", ".log");
        Process process;
        try {
            process = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                    "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--window-size=1280," + height,
                    "--screenshot=" + screenshot.toAbsolutePath(), page.toAbsolutePath().toUri().toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("cannot start '" + chromium + "': install Debian's chromium (apt-get install chromium)"
                    + " or point AGENTIC_CHROMIUM at a Chromium binary", e);
        }
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        List<String> console = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains(":CONSOLE")).toList();
        return new Browser(process.exitValue(), console);
    }

    static double inkShare(BufferedImage image, Set<Integer> colours) {
        int ink = 0;
        int samples = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                samples++;
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                ink += r + g + b < 3 * 235 ? 1 : 0;
            }
        }
        return ink / (double) samples;
    }

    @Test
    void theLineagePageAndAVariantPageRenderWithoutConsoleMessages() throws Exception {
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("index.html", "exp-02.html", "exp-02-c.html");
        for (String name : List.of("index", "exp-02-c")) {
            Path screenshot = Path.of("target", "report-" + name + ".png");
            Browser browser = open(REPORT.resolve(name + ".html"), screenshot, 2200);
            assertThat(browser.exitCode()).isZero();
            assertThat(browser.console()).as("console messages of " + name + ".html").isEmpty();
            BufferedImage image = ImageIO.read(screenshot.toFile());
            Set<Integer> colours = new HashSet<>();
            double ink = inkShare(image, colours);
            assertThat(ink).as("share of the screenshot that is not background").isGreaterThan(0.01); // a blank page has none
            assertThat(colours.size()).as("colours in the screenshot").isGreaterThan(30);
        }
        String index = Files.readString(REPORT.resolve("index.html"));
        assertThat(index).contains("<svg class=\"chart\"", "Tasks × variants", "Failure labels per variant", "Cost against resolved rate")
                .doesNotContain("<script", "http://", "https://");
    }

    @Test
    void theCheckNoticesAPageThatLogsToTheConsole() throws Exception {
        Path bad = Files.writeString(Path.of("target", "report-bad.html"),
                "<html><body><script>console.error('broken chart')</script><p>x</p></body></html>");
        Browser browser = open(bad, Path.of("target", "report-bad.png"), 400);
        assertThat(browser.console()).anyMatch(line -> line.contains("broken chart"));
    }
}
