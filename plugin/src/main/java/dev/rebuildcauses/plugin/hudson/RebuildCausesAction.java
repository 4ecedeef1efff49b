package dev.rebuildcauses.plugin.hudson;

import dev.rebuildcauses.plugin.RebuildCauses;
import hudson.Extension;
import hudson.model.RootAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.kohsuke.stapler.CapturedParameterNames;
import org.kohsuke.stapler.StaplerRequest;
import org.kohsuke.stapler.StaplerResponse;

/**
 * {@code <server>/rebuild-causes/}: the overview, and with {@code ?job=}, {@code &build=} or
 * {@code ?cause=} the job, build and cause pages; also the export downloads and the back-fill.
 */
@Extension
public final class RebuildCausesAction implements RootAction {
    private static final Logger LOG = Logger.getLogger(RebuildCausesAction.class.getName());

    @Override
    public String getIconFileName() {
        return "graph.gif";
    }

    @Override
    public String getDisplayName() {
        return "Rebuild causes";
    }

    @Override
    public String getUrlName() {
        return "rebuild-causes";
    }

    /** The page of this request, rendered by the shared report components. */
    public String getPageHtml() {
        return PageHost.fromRequest();
    }

    public List<String> getExportFiles() {
        return PageHost.exportFiles();
    }

    public boolean isAdministrator() {
        return HudsonFacade.canAdminister();
    }

    /** {@code export?file=builds.csv}: downloads one exported file. */
    @CapturedParameterNames({"request", "response"}) // Stapler's own ASM cannot read Java 17 class files
    public void doExport(StaplerRequest request, StaplerResponse response) throws IOException {
        HudsonFacade.checkRead();
        Optional<RebuildCauses> core = PluginState.running();
        Optional<Path> file = core.isPresent()
                ? core.get().exports().file(String.valueOf(request.getParameter("file")))
                : Optional.empty();
        if (file.isEmpty()) {
            response.sendError(404, "no such export");
            return;
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"" + file.get().getFileName() + "\"");
        Files.copy(file.get(), response.getOutputStream());
    }

    /** POST {@code backfill}: records every finished build the server still has, in the background. */
    @CapturedParameterNames({"request", "response"})
    public void doBackfill(StaplerRequest request, StaplerResponse response) throws IOException {
        HudsonFacade.checkAdminister();
        if (!"POST".equals(request.getMethod())) {
            response.sendError(405, "POST only");
            return;
        }
        Optional<RebuildCauses> core = PluginState.running();
        if (core.isPresent()) {
            Thread worker = new Thread(
                    () -> {
                        int count = core.get().backfill(HudsonFacade.finishedBuilds());
                        LOG.info("Rebuild causes: back-fill queued " + count + " builds");
                    },
                    "rebuild-causes-backfill");
            worker.setDaemon(true);
            worker.start();
        }
        response.sendRedirect2(".");
    }
}
