package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import dev.rebuildcauses.harvest.changes.RepositoryUrls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bare mirrors of the repositories a harvest meets, kept under one folder of the data directory:
 * cloned the first time a repository is met, fetched once per harvest afterwards.
 *
 * <p>The credential goes to git as an {@code http.extraHeader} through the environment
 * ({@code GIT_CONFIG_COUNT}), never in a URL, an argument or the mirror's config, so it is neither
 * logged nor stored; git never prompts.
 */
public final class GitMirrors {
    /** What a user does when the server does not let the harvester clone. */
    static final String CLONE_HINT =
            "; where cloning is not allowed, set 'changes.mirror: false' to read ranges through the REST API";

    private final Path folder;
    private final Optional<String> authorization;
    private final Map<String, Path> ready = new HashMap<>();
    private int clones;
    private int fetches;

    /**
     * @param folder where mirrors live, e.g. {@code rebuild-causes-data/mirrors}
     * @param authorization the whole {@code Authorization} header value ({@code Bearer …} or
     *     {@code Basic …}), or empty for repositories that need none (or SSH with the user's keys)
     */
    public GitMirrors(Path folder, Optional<String> authorization) {
        this.folder = folder;
        this.authorization = authorization;
    }

    /**
     * The mirror of the repository at this clone URL, cloned or fetched first if this harvest has not yet.
     *
     * <p>Harvesters sharing a data folder (several processes on one machine) take turns on each mirror
     * through a lock file beside it, so two never clone or fetch the same repository at once.
     */
    public synchronized Path mirror(String url) throws HarvestException {
        Path known = ready.get(url);
        if (known != null) {
            return known;
        }
        Path mirror = folder.resolve(directoryName(url));
        try (MirrorLock lock = MirrorLock.of(folder, mirror.getFileName() + ".lock")) {
            if (Files.isDirectory(mirror)) {
                run(List.of("git", "-C", mirror.toString(), "fetch", "--prune", "--quiet", "origin"), url, "fetch");
                fetches++;
            } else {
                clone(url, mirror);
                clones++;
            }
        } catch (IOException e) {
            throw new HarvestException(
                    FailureKind.LOCAL, "cannot lock the mirror of " + url + " in " + folder + ": " + e.getMessage(), e);
        }
        ready.put(url, mirror);
        return mirror;
    }

    /** Clones made in this harvest. */
    public synchronized int cloneCount() {
        return clones;
    }

    /** Fetches made in this harvest. */
    public synchronized int fetchCount() {
        return fetches;
    }

    /** Clones beside the final place and moves it there, so a killed clone never looks like a mirror. */
    private void clone(String url, Path mirror) throws HarvestException {
        try {
            Files.createDirectories(folder);
            Path partial = Files.createTempDirectory(folder, ".cloning-");
            try {
                run(
                        List.of(
                                "git",
                                "clone",
                                "--mirror",
                                "--quiet",
                                url,
                                partial.resolve("m").toString()),
                        url,
                        "clone");
                Files.move(partial.resolve("m"), mirror, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteTree(partial);
            }
        } catch (IOException e) {
            throw new HarvestException(
                    FailureKind.LOCAL, "cannot keep a mirror of " + url + " in " + folder + ": " + e.getMessage(), e);
        } catch (HarvestException e) {
            if (e.kind() == FailureKind.LOCAL) {
                throw e;
            }
            throw new HarvestException(e.kind(), e.getMessage() + CLONE_HINT, e);
        }
    }

    /** Deletes {@code root} and everything below it, if it exists. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** {@code host/proj/repo} → {@code host_proj_repo.git}: one folder per repository, however it is spelled. */
    public static String directoryName(String url) {
        String key = RepositoryUrls.normalize(url).replaceAll("[^A-Za-z0-9._-]+", "_");
        return (key.isEmpty() ? "repository" : key) + ".git";
    }

    private void run(List<String> command, String url, String what) throws HarvestException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
        Map<String, String> env = builder.environment();
        env.put("LC_ALL", "C");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_ASKPASS", "true");
        env.remove("GIT_DIR");
        if (authorization.isPresent()) {
            env.put("GIT_CONFIG_COUNT", "1");
            env.put("GIT_CONFIG_KEY_0", "http.extraHeader");
            env.put("GIT_CONFIG_VALUE_0", "Authorization: " + authorization.get());
        }
        builder.redirectErrorStream(true);
        try {
            Process process = builder.start();
            String output;
            try (InputStream out = process.getInputStream()) {
                process.getOutputStream().close();
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            int code = process.waitFor();
            if (code != 0) {
                String message = output.strip();
                FailureKind kind =
                        message.contains("401") || message.contains("403") || message.contains("Authentication failed")
                                ? FailureKind.AUTH
                                : FailureKind.UNREACHABLE;
                throw new HarvestException(
                        kind, "git " + what + " of " + url + " failed (exit " + code + "): " + lastLine(message));
            }
        } catch (IOException e) {
            throw new HarvestException(FailureKind.LOCAL, "cannot run git (is it installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestException(FailureKind.LOCAL, "interrupted during git " + what + " of " + url, e);
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }
}
