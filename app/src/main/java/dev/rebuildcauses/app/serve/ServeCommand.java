package dev.rebuildcauses.app.serve;

import dev.rebuildcauses.analysis.classify.RulesFormatException;
import dev.rebuildcauses.app.CommandFailure;
import dev.rebuildcauses.app.ExitCode;
import dev.rebuildcauses.harvest.config.ConfigException;
import dev.rebuildcauses.service.RefreshException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: the dashboard over the store, until stopped. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Serve the dashboard: read-only pages, a JSON API and CSV downloads over the store.",
        descriptionHeading = "%n",
        description = {
            "Reads the store the config names, analyses it once (classify, mine, advise) and serves the result "
                    + "until stopped: an overview, every job, each job and build, each cause, as HTML pages "
                    + "that work without JavaScript, the same data as JSON under /api/, and every table as CSV "
                    + "with the schema of the exports.",
            "",
            "Listens on loopback unless told otherwise; it refuses any other address without an access token "
                    + "(from an environment variable or a file, never from the config). With a token, each "
                    + "request carries 'Authorization: Bearer <token>', or a browser opens the dashboard once "
                    + "with ?token=<token> and keeps a session cookie. The options override the config's "
                    + "server: section (bind, port, tokenEnv or tokenFile).",
            "",
            "Runs what the config schedules: each of its exports at its cron times, and with "
                    + "harvest.schedule a harvest, after which the pages show the new data. The overview shows "
                    + "each scheduled run's last outcome and next time, and every page says when the data was "
                    + "last harvested. A failed run is logged and tried again at its next time; it never "
                    + "stops the server.",
        },
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit codes:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  rebuild-causes serve --config rebuild-causes.yml",
            "  DASHBOARD_TOKEN=... rebuild-causes serve --config rebuild-causes.yml --bind 0.0.0.0 "
                    + "--token-env DASHBOARD_TOKEN",
        })
public final class ServeCommand implements Callable<Integer> {
    /** The exit codes {@code serve} can end with. */
    public static final ExitCode[] EXIT_CODES = {
        ExitCode.OK, ExitCode.USAGE, ExitCode.IO, ExitCode.BAD_RULES_FILE, ExitCode.BAD_CONFIG, ExitCode.INTERNAL
    };

    @Spec
    CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            required = true,
            description = "The rebuild-causes.yml: the store, the rules, the harvest.")
    Path config;

    @Option(
            names = "--bind",
            paramLabel = "ADDR",
            description = "Address to listen on (default: the config's server.bind, else " + ServerSettings.LOOPBACK
                    + "); beyond loopback only with a token.")
    String bind;

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "Port to listen on, 0 for any free one (default: the config's server.port, else "
                    + ServerSettings.DEFAULT_PORT + ").")
    Integer port;

    @Option(
            names = "--token-env",
            paramLabel = "VAR",
            description = "Environment variable holding the access token requests must carry.")
    String tokenEnv;

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "File holding the access token requests must carry.")
    Path tokenFile;

    @Option(
            names = {"-q", "--quiet"},
            description = "No notes on stderr.")
    boolean quiet;

    /** The options as an immutable configuration. */
    public ServeConfig config() {
        return new ServeConfig(config, bind, port, tokenEnv, tokenFile, quiet);
    }

    @Override
    public Integer call()
            throws CommandFailure, ConfigException, RulesFormatException, RefreshException, InterruptedException {
        try (ServeRunner.Running running = new ServeRunner(
                        spec.commandLine().getOut(), spec.commandLine().getErr(), System.getenv())
                .start(config())) {
            running.awaitStop();
        }
        return ExitCode.OK.code();
    }
}
