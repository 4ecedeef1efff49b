package dev.rebuildcauses.report.images;

import dev.rebuildcauses.analysis.infer.ImageGraph;
import dev.rebuildcauses.analysis.infer.ImageJobs;
import dev.rebuildcauses.report.csv.SpreadsheetSafeText;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The images of a repository scanned as one job per image: {@code images.csv} and the image
 * graph as text (which image builds on which, and how many builds came from a change upstream).
 */
public final class ImagesReport {
    public static final String FILE_NAME = "images.csv";
    public static final List<String> HEADER =
            List.of("image", "dockerfile", "context", "built_from", "builds", "upstream_builds");

    private ImagesReport() {}

    /** The image graph as an indented tree, each image under the one it is built on, with its build counts. */
    public static List<String> lines(ImageJobs.Split split) {
        ImageGraph graph = split.graph();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "Images: %d, one job each (an image is rebuilt when its build context or an image it is built on"
                        + " changes):",
                graph.size()));
        Set<String> shown = new HashSet<>();
        for (ImageGraph.Image image : graph.images()) {
            if (image.parents().isEmpty()
                    || image.parents().stream().noneMatch(p -> graph.image(p).isPresent())) {
                tree(lines, split, image.name(), 1, shown);
            }
        }
        for (ImageGraph.Image image : graph.images()) {
            tree(lines, split, image.name(), 1, shown); // any left in a cycle
        }
        if (split.commitsOutsideImages() > 0) {
            lines.add(String.format(
                    Locale.ROOT,
                    "%d commits changed nothing any image is built from (docs, tests, CI files, …): no image build.",
                    split.commitsOutsideImages()));
        }
        return lines;
    }

    private static void tree(List<String> lines, ImageJobs.Split split, String name, int depth, Set<String> shown) {
        if (!shown.add(name)) {
            return;
        }
        ImageGraph.Image image = split.graph().image(name).orElseThrow();
        ImageJobs.ImageCount count = split.counts().getOrDefault(name, new ImageJobs.ImageCount(0, 0));
        lines.add(String.format(
                Locale.ROOT,
                "%s%s (%s): %d builds, %d of them from a change upstream%s",
                "  ".repeat(depth),
                name,
                image.dockerfile(),
                count.builds(),
                count.upstreamBuilds(),
                image.parents().isEmpty() ? "" : "; built on " + String.join(", ", image.parents())));
        for (String child : split.graph().children(name)) {
            tree(lines, split, child, depth + 1, shown);
        }
    }

    /** Writes {@code images.csv} into {@code directory} and returns its path. */
    public static Path write(ImageJobs.Split split, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(split, out);
        }
        return file;
    }

    /** Writes the header and one row per image of the graph. */
    public static void write(ImageJobs.Split split, Writer out) throws IOException {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader(HEADER.toArray(String[]::new))
                .build();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (ImageGraph.Image image : split.graph().images()) {
                ImageJobs.ImageCount count = split.counts().getOrDefault(image.name(), new ImageJobs.ImageCount(0, 0));
                printer.printRecord(
                        SpreadsheetSafeText.of(image.name()),
                        SpreadsheetSafeText.of(image.dockerfile()),
                        SpreadsheetSafeText.of(image.context()),
                        SpreadsheetSafeText.of(String.join(";", image.parents())),
                        count.builds(),
                        count.upstreamBuilds());
            }
        }
    }
}
