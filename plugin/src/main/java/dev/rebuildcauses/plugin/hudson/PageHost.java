package dev.rebuildcauses.plugin.hudson;

import dev.rebuildcauses.plugin.PageQuery;
import dev.rebuildcauses.plugin.RebuildCauses;
import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerRequest;

/** Renders the page a request asks for, for the Jelly views to place inside the server's layout. */
final class PageHost {
    private static final Logger LOG = Logger.getLogger(PageHost.class.getName());

    private PageHost() {}

    /** The page of the current request's {@code job}, {@code build} and {@code cause} parameters. */
    static String fromRequest() {
        StaplerRequest request = Stapler.getCurrentRequest();
        return render(PageQuery.parse(
                request.getParameter("job"), request.getParameter("build"), request.getParameter("cause")));
    }

    /** The page of {@code query}, or a short escaped message when it cannot be drawn. */
    static String render(PageQuery query) {
        HudsonFacade.checkRead();
        Optional<RebuildCauses> core = PluginState.running();
        if (core.isEmpty()) {
            return message("Rebuild causes is not running: see the server log and the global configuration.");
        }
        // JTE loads its precompiled templates through the thread's context class loader, which on a
        // request thread is the server's: point it at the plugin's while rendering
        Thread thread = Thread.currentThread();
        ClassLoader serverLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(PageHost.class.getClassLoader());
        try {
            return core.get().pages().render(query, core.get().pending());
        } catch (Exception e) { // the page says it failed; the server keeps serving
            LOG.log(Level.WARNING, "Rebuild causes: cannot render " + query, e);
            return message("This page could not be drawn: " + e.getMessage());
        } finally {
            thread.setContextClassLoader(serverLoader);
        }
    }

    /** The exported CSV files, for the download links. */
    static List<String> exportFiles() {
        HudsonFacade.checkRead();
        try {
            return PluginState.running().isPresent()
                    ? PluginState.running().get().exports().files()
                    : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String message(String text) {
        StringOutput out = new StringOutput();
        out.writeContent("<p class=\"error\">");
        Escape.htmlContent(text, out);
        out.writeContent("</p>");
        return out.toString();
    }
}
