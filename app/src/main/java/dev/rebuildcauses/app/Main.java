package dev.rebuildcauses.app;

import dev.rebuildcauses.report.pipeline.Timing;

/** Entry point of the {@code rebuild-causes} command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Timing.mark("main");
        // the analysis commands run in a JVM whose heap stays near what they hold (see AnalysisJvm)
        java.util.Optional<Integer> relaunched = AnalysisJvm.mayRelaunch(args)
                ? AnalysisJvm.relaunchCommand(args, AnalysisJvm.Launch.current())
                        .flatMap(AnalysisJvm::run)
                : java.util.Optional.empty();
        if (relaunched.isPresent()) {
            System.exit(relaunched.get());
        }
        AnalysisJvm.exitWithFirst();
        if (Timing.isOn()) {
            Timing.mark("collectors " + AnalysisJvm.collectors());
        }
        // a plain scan skips building the picocli model; anything else gets the full command line
        ScanConfig quick = QuickScan.parse(args);
        int code = quick != null
                ? QuickScan.run(quick)
                : RebuildCausesCommand.commandLine().execute(args);
        Timing.mark("done");
        System.exit(code);
    }
}
