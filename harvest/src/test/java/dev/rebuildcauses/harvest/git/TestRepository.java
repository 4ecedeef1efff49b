package dev.rebuildcauses.harvest.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds a git repository with a known history through the git binary, with fixed dates. */
final class TestRepository {
    private final Path dir;
    private long clock = 1_767_607_200L; // 2026-01-05T10:00:00Z, a Monday

    TestRepository(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git("init", "-q", "-b", "main");
    }

    /** Dates the next commits from {@code epochSeconds} on, as a machine with a wrong clock would. */
    TestRepository clockAt(long epochSeconds) {
        clock = epochSeconds;
        return this;
    }

    Path dir() {
        return dir;
    }

    TestRepository write(String path, String content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits everything, one hour after the previous commit; returns the new id. */
    String commit(String message) {
        git("add", "-A");
        return commitStaged(message, "--allow-empty");
    }

    String commitStaged(String message, String... options) {
        List<String> args = new ArrayList<>(List.of("commit", "-q", "-m", message));
        args.addAll(List.of(options));
        git(args.toArray(String[]::new));
        return head();
    }

    String head() {
        return git("rev-parse", "HEAD").strip();
    }

    String git(String... args) {
        clock += 3600;
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        String date = "@" + clock + " +0000";
        builder.environment().put("GIT_AUTHOR_DATE", date);
        builder.environment().put("GIT_COMMITTER_DATE", date);
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
