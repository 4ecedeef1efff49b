package dev.rebuildcauses.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a git repository with a known history through the git binary, every commit at a given time. */
final class GitHistory {
    private final Path dir;

    GitHistory(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git("2026-01-01T00:00:00Z", "init", "-q", "-b", "main");
    }

    GitHistory write(String path, String content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stages everything and commits at {@code time} (ISO-8601); returns the commit id. */
    String commit(String time, String message) {
        git(time, "add", "-A");
        git(time, "commit", "-q", "--allow-empty", "-m", message);
        return git(time, "rev-parse", "HEAD").strip();
    }

    String git(String time, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("GIT_AUTHOR_DATE", time);
        builder.environment().put("GIT_COMMITTER_DATE", time);
        builder.environment().put("GIT_AUTHOR_NAME", "Ada");
        builder.environment().put("GIT_AUTHOR_EMAIL", "ada@example.org");
        builder.environment().put("GIT_COMMITTER_NAME", "Ada");
        builder.environment().put("GIT_COMMITTER_EMAIL", "ada@example.org");
        try {
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
