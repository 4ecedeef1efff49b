package dev.rebuildcauses.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** One run of the command line with its exit code, stdout and stderr captured. */
record CommandRun(int exitCode, String out, String err) {
    /** A quiet {@code demo --no-serve}: its report in {@code out}, its store, config and mirrors in {@code data}. */
    static CommandRun demo(Path out, Path data, int builds) {
        return of(
                "demo",
                "--no-serve",
                "--out",
                out.toString(),
                "--data",
                data.toString(),
                "--builds",
                Integer.toString(builds),
                "--quiet");
    }

    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = RebuildCausesCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
