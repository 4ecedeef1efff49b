package dev.rebuildcauses.plugin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Finished builds not yet in the store, one small JSON file each beside the store: written before the
 * build is queued and deleted once it is stored, so a restart or a full queue loses nothing.
 */
public final class PendingJournal {
    private static final Logger LOG = Logger.getLogger(PendingJournal.class.getName());
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Path folder;

    public PendingJournal(Path folder) {
        this.folder = folder;
    }

    /** Keeps {@code build} until {@link #remove} (atomically: a crash leaves the old file or the new one). */
    public void add(FinishedBuild build) throws IOException {
        Files.createDirectories(folder);
        Path target = file(build.job(), build.number());
        Path temporary = folder.resolve(target.getFileName() + ".tmp");
        Files.write(temporary, JSON.writeValueAsBytes(build));
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Forgets a stored build. */
    public void remove(FinishedBuild build) throws IOException {
        Files.deleteIfExists(file(build.job(), build.number()));
    }

    /** Every pending build, by job and number; unreadable files are logged and skipped. */
    public List<FinishedBuild> all() {
        List<FinishedBuild> builds = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return builds;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                try {
                    builds.add(JSON.readValue(file.toFile(), FinishedBuild.class));
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Rebuild causes: skipping unreadable pending build " + file, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list pending builds in " + folder, e);
        }
        builds.sort(Comparator.comparing(FinishedBuild::job).thenComparingLong(FinishedBuild::number));
        return builds;
    }

    /** The pending builds of {@code job} numbered up to {@code number}, oldest first. */
    public List<FinishedBuild> upTo(String job, long number) {
        return all().stream()
                .filter(b -> b.job().equals(job) && b.number() <= number)
                .toList();
    }

    public Path folder() {
        return folder;
    }

    private Path file(String job, long number) {
        return folder.resolve(hash(job) + "-" + number + ".json"); // job names may hold any character
    }

    private static String hash(String job) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(job.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
