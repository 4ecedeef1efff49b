package dev.rebuildcauses.app;

/** A failure found by a command itself (not by a module), with the exit code it ends with. */
public final class CommandFailure extends Exception {
    private final ExitCode exitCode;

    public CommandFailure(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
