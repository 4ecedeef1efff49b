package dev.rebuildcauses.report.chart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Writes charts as files for slides and wikis ({@code --charts DIR}): {@code <id>.svg} and {@code <id>.png}. */
public final class ChartFiles {
    private ChartFiles() {}

    /**
     * Writes each chart as SVG and as PNG at its natural size, each file through a temporary sibling
     * and a move, so a failure never leaves half a file; returns the files written, in order.
     */
    public static List<Path> write(Collection<ReportChart> charts, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        for (ReportChart chart : charts) {
            written.add(
                    write(directory.resolve(chart.id() + ".svg"), chart.svg().getBytes(StandardCharsets.UTF_8)));
            written.add(write(directory.resolve(chart.id() + ".png"), chart.png()));
        }
        return written;
    }

    private static Path write(Path target, byte[] content) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                out.write(content);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IOException("cannot write chart file " + target + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }
}
