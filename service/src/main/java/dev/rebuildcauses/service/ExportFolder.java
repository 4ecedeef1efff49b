package dev.rebuildcauses.service;

import dev.rebuildcauses.harvest.config.ExportFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The target folder of one export: names with the as-of time, files that appear whole or not at all
 * (written aside, then renamed with an atomic move in the same folder), and retention.
 */
final class ExportFolder {
    /** UTC, sortable as text, and without a colon so the name is valid on every file system. */
    static final DateTimeFormatter AS_OF =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static final String AS_OF_PATTERN = "-\\d{4}-\\d{2}-\\d{2}T\\d{6}Z\\.csv";

    private final Path target;

    ExportFolder(Path target) {
        this.target = target;
    }

    static String asOfName(ExportFile file, Instant asOf) {
        return file.configName() + "-" + AS_OF.format(asOf) + ".csv";
    }

    static String latestName(ExportFile file) {
        return file.configName() + "-latest.csv";
    }

    /** A fresh hidden folder inside the target (so moves out of it stay on one file system) to write into. */
    Path stage() throws IOException {
        Files.createDirectories(target);
        return Files.createTempDirectory(target, ".staging-");
    }

    /** Moves a complete file into the target under {@code name}: readers see the old file or the new, never part. */
    Path publish(Path complete, String name) throws IOException {
        Path file = target.resolve(name);
        // no fallback to a plain move: a reader could then see half a file, which is what this class prevents
        Files.move(complete, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** Copies {@code source} to {@code name} through a temporary file in the target, then an atomic rename. */
    Path publishCopy(Path source, String name) throws IOException {
        Path temp = Files.createTempFile(target, "." + name + "-", ".tmp");
        try {
            Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            return publish(temp, name);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Deletes the oldest as-of copies of {@code file} beyond the newest {@code keep}; returns what it deleted. */
    List<Path> prune(ExportFile file, int keep) throws IOException {
        Pattern asOfCopy = Pattern.compile(Pattern.quote(file.configName()) + AS_OF_PATTERN);
        List<Path> copies = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            for (Path entry : entries) {
                if (asOfCopy.matcher(entry.getFileName().toString()).matches()) {
                    copies.add(entry);
                }
            }
        }
        // the names sort by time, newest last
        copies.sort(Comparator.comparing(path -> path.getFileName().toString()));
        List<Path> deleted = new ArrayList<>();
        for (Path old : copies.subList(0, Math.max(0, copies.size() - keep))) {
            if (Files.deleteIfExists(old)) {
                deleted.add(old);
            }
        }
        return deleted;
    }

    /** Removes a staging folder and whatever a failed run left in it. */
    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
