package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The start-up fast path of {@code scan}: plain arguments are parsed here and run without building
 * the picocli model, which costs more CPU than reading a 10,000-commit history. Anything this parser
 * does not fully understand (help, unknown or repeated options, argument files, clustered flags, a
 * missing value) returns {@code null}, and picocli takes over with its usual answers.
 */
final class QuickScan {
    /**
     * The options {@link #parse} knows, all of them {@link ScanCommand}'s; with any other option
     * (the advisor's assumptions) it returns {@code null} and picocli parses.
     */
    static final String[] OPTIONS = {
        "--branch", "--builds", "--rules", "--out", "-q", "--quiet", "--no-infer", "--explain", "--no-advice"
    };

    private QuickScan() {}

    /** The configuration of {@code args} when it is a plain {@code scan} this parser fully understands, else {@code null}. */
    static ScanConfig parse(String[] args) {
        if (args.length < 2 || !"scan".equals(args[0])) {
            return null;
        }
        String repository = null;
        String branch = null;
        String builds = null;
        String rules = null;
        String out = null;
        boolean quiet = false;
        boolean noInfer = false;
        boolean explain = false;
        boolean noAdvice = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.isEmpty() || arg.charAt(0) == '@') {
                return null;
            }
            if (arg.charAt(0) != '-') {
                if (repository != null) {
                    return null;
                }
                repository = arg;
                continue;
            }
            if ("-q".equals(arg) || "--quiet".equals(arg)) {
                if (quiet) {
                    return null;
                }
                quiet = true;
                continue;
            }
            if ("--no-infer".equals(arg) || "--explain".equals(arg) || "--no-advice".equals(arg)) {
                boolean seen =
                        switch (arg) {
                            case "--no-infer" -> noInfer;
                            case "--explain" -> explain;
                            default -> noAdvice;
                        };
                if (seen) {
                    return null;
                }
                noInfer |= "--no-infer".equals(arg);
                explain |= "--explain".equals(arg);
                noAdvice |= "--no-advice".equals(arg);
                continue;
            }
            String name = arg;
            String value;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return null;
            }
            if (value.isEmpty() || value.charAt(0) == '-' || value.charAt(0) == '@') {
                return null;
            }
            switch (name) {
                case "--branch" -> {
                    if (branch != null) {
                        return null;
                    }
                    branch = value;
                }
                case "--builds" -> {
                    if (builds != null) {
                        return null;
                    }
                    builds = value;
                }
                case "--rules" -> {
                    if (rules != null) {
                        return null;
                    }
                    rules = value;
                }
                case "--out" -> {
                    if (out != null) {
                        return null;
                    }
                    out = value;
                }
                default -> {
                    return null;
                }
            }
        }
        if (repository == null) {
            return null;
        }
        try {
            return new ScanConfig(
                    Path.of(repository),
                    branch == null ? "HEAD" : branch,
                    builds == null ? null : Path.of(builds),
                    rules == null ? null : Path.of(rules),
                    Path.of(out == null ? "rebuild-causes-report" : out),
                    quiet,
                    !noInfer,
                    explain,
                    noAdvice ? null : AdvisorSettings.defaults());
        } catch (InvalidPathException e) {
            return null; // picocli names the bad value
        }
    }

    /** Runs {@code scan} as picocli would: same streams, same one-line failures and exit codes. */
    static int run(ScanConfig config) {
        return run(config, writer(System.out, "sun.stdout.encoding"), writer(System.err, "sun.stderr.encoding"));
    }

    /** Runs {@code scan} with these streams (stdout, stderr). */
    static int run(ScanConfig config, PrintWriter out, PrintWriter err) {
        try {
            new ScanRunner(out, err).run(config);
            return ExitCode.OK.code();
        } catch (Exception e) { // as picocli: every failure of the run becomes one line and its exit code
            return FailureHandler.report(e, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The writer picocli would make for {@code stream}. */
    private static PrintWriter writer(OutputStream stream, String encodingProperty) {
        String encoding = System.getProperty(encodingProperty);
        Charset charset = encoding == null ? Charset.defaultCharset() : Charset.forName(encoding);
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
    }
}
