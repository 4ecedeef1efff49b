package dev.rebuildcauses.app;

/** Entry point of the {@code rebuild-causes} command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(RebuildCausesCommand.commandLine().execute(args));
    }
}
