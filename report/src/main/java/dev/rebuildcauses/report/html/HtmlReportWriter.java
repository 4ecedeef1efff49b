package dev.rebuildcauses.report.html;

import dev.rebuildcauses.report.chart.RenderedChart;
import dev.rebuildcauses.report.pipeline.DocumentWriter;
import dev.rebuildcauses.report.pipeline.Report;
import gg.jte.output.WriterOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes {@code rebuild-causes.html}: one file with its styles, script and charts inline, no request to
 * any other host (its Content-Security-Policy forbids them), readable offline, on a phone and on A4.
 */
public final class HtmlReportWriter implements DocumentWriter {
    public static final String FILE_NAME = "rebuild-causes.html";

    private final ReportScope scope;
    private final Function<Report, List<RenderedChart>> charts;

    /**
     * @param scope what the report covers
     * @param charts the charts of a report (the chart factory of the report module)
     */
    public HtmlReportWriter(ReportScope scope, Function<Report, List<RenderedChart>> charts) {
        this.scope = scope;
        this.charts = charts;
    }

    @Override
    public void write(Report report, Path outDir) throws IOException {
        ReportPage page = ReportPageBuilder.build(report, charts.apply(report), scope);
        Path target = outDir.resolve(FILE_NAME);
        Path temporary = outDir.resolve("." + FILE_NAME + ".tmp");
        try (Writer writer = new BufferedWriter(Files.newBufferedWriter(temporary, StandardCharsets.UTF_8), 1 << 16)) {
            render(page, writer);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Renders {@code page} as a complete HTML document. */
    public static void render(ReportPage page, Writer writer) throws IOException {
        try {
            Templates.render(
                    "report/page.jte",
                    Map.of("page", page, "scriptHash", scriptHash(page.script())),
                    new WriterOutput(writer));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The CSP source that allows exactly this inline script and no other. */
    static String scriptHash(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
