package dev.rebuildcauses.plugin.hudson;

import dev.rebuildcauses.plugin.RebuildCauses;
import hudson.Extension;
import hudson.model.RootAction;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.servlet.ServletException;
import org.kohsuke.stapler.CapturedParameterNames;
import org.kohsuke.stapler.StaplerRequest;
import org.kohsuke.stapler.StaplerResponse;

/**
 * {@code <server>/rebuild-causes/}: the dashboard's pages and everything they link to ({@code jobs},
 * {@code job?name=}, {@code build?job=&number=}, {@code cause?name=}, {@code api/…}, {@code csv/…},
 * {@code chart.svg}, {@code static/…}, {@code exports/…}), routed by the plugin's site; and the back-fill.
 */
@Extension
public final class RebuildCausesAction extends PageView implements RootAction {
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
        return RebuildCauses.URL_NAME;
    }

    public boolean isAdministrator() {
        return HudsonFacade.canAdminister();
    }

    /** The overview. */
    @CapturedParameterNames({"request", "response"}) // Stapler's own ASM cannot read Java 17 class files
    public void doIndex(StaplerRequest request, StaplerResponse response) throws IOException, ServletException {
        PageHost.serve(this, request, response, (site, root) -> site.answer("", PageHost.parameters(request), root));
    }

    /** Every other page and file under the plugin's root. */
    @CapturedParameterNames({"request", "response"})
    public void doDynamic(StaplerRequest request, StaplerResponse response) throws IOException, ServletException {
        String path = request.getRestOfPath();
        PageHost.serve(this, request, response, (site, root) -> site.answer(path, PageHost.parameters(request), root));
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
