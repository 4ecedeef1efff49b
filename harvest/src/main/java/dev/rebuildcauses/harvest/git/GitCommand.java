package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the git binary on one repository with a stable, machine-readable environment. */
final class GitCommand {
    private static final int MAX_STDERR = 8 * 1024;

    private final Path directory;

    GitCommand(Path directory) {
        this.directory = directory;
    }

    /** A started git process; its stderr is collected in the background. */
    Running start(List<String> args) throws HarvestException {
        return start(args, null, null);
    }

    /**
     * A started git process reading its stdin from {@code input} and writing its stdout to
     * {@code output} (files, so no pipe stands between git and the disk); {@code null} keeps a pipe.
     */
    Running start(List<String> args, Path input, Path output) throws HarvestException {
        List<String> command = new ArrayList<>(
                List.of("git", "-C", directory.toString(), "-c", "color.ui=false", "-c", "core.quotepath=off"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        // the parser relies on C-locale messages and on this very repository, whatever the caller's shell says
        env.put("LC_ALL", "C");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.remove("GIT_DIR");
        env.remove("GIT_WORK_TREE");
        env.remove("GIT_INDEX_FILE");
        env.remove("GIT_CEILING_DIRECTORIES");
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        if (output != null) {
            builder.redirectOutput(output.toFile());
        }
        try {
            return new Running(builder.start(), args);
        } catch (IOException e) {
            throw new HarvestException(FailureKind.LOCAL, "cannot run git (is it installed?): " + e.getMessage(), e);
        }
    }

    /** Runs git to completion and returns its stdout. */
    Result run(List<String> args) throws HarvestException {
        Running running = start(args);
        try (InputStream out = running.process().getInputStream()) {
            running.process().getOutputStream().close();
            String stdout = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            return new Result(running.waitFor(), stdout, running.stderr());
        } catch (IOException e) {
            throw new HarvestException(FailureKind.LOCAL, "cannot read output of git in " + directory, e);
        }
    }

    /** Stdout, stderr and exit code of a finished git. */
    record Result(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /** A running git process. */
    final class Running {
        private final Process process;
        private final List<String> args;
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        private final Thread stderrReader;

        Running(Process process, List<String> args) {
            this.process = process;
            this.args = args;
            this.stderrReader = new Thread(this::drainStderr, "git-stderr");
            stderrReader.setDaemon(true);
            stderrReader.start();
        }

        Process process() {
            return process;
        }

        private void drainStderr() {
            byte[] buffer = new byte[4096];
            try (InputStream err = process.getErrorStream()) {
                int n;
                while ((n = err.read(buffer)) >= 0) {
                    synchronized (stderr) {
                        if (stderr.size() < MAX_STDERR) {
                            stderr.write(buffer, 0, Math.min(n, MAX_STDERR - stderr.size()));
                        }
                    }
                }
            } catch (IOException e) {
                // the process was destroyed (a cancelled walk): its last words are not worth a stack trace
            }
        }

        int waitFor() throws HarvestException {
            try {
                int code = process.waitFor();
                stderrReader.join(2000);
                return code;
            } catch (InterruptedException e) {
                process.destroy();
                Thread.currentThread().interrupt();
                throw new HarvestException(FailureKind.LOCAL, "interrupted while waiting for git in " + directory, e);
            }
        }

        String stderr() {
            synchronized (stderr) {
                return stderr.toString(StandardCharsets.UTF_8);
            }
        }

        /** Waits for the end and fails with git's first error line when it did not succeed. */
        void requireSuccess() throws HarvestException {
            int code = waitFor();
            if (code != 0) {
                throw failure(code, stderr());
            }
        }

        HarvestException failure(int code, String err) {
            String line = err.lines().filter(l -> !l.isBlank()).findFirst().orElse("exit code " + code);
            return new HarvestException(
                    FailureKind.LOCAL, "git " + args.get(0) + " failed in " + directory + ": " + line.strip());
        }
    }
}
