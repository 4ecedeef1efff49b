package dev.rebuildcauses.plugin.hudson;

import dev.rebuildcauses.plugin.Answer;
import dev.rebuildcauses.plugin.PluginSite;
import dev.rebuildcauses.plugin.RebuildCauses;
import dev.rebuildcauses.service.RefreshException;
import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.servlet.ServletException;
import org.kohsuke.stapler.StaplerRequest;
import org.kohsuke.stapler.StaplerResponse;

/**
 * Answers a request with the plugin's site: a page goes to the caller's {@code page.jelly} (the server's
 * layout around the dashboard's content), anything else is written as it is.
 */
final class PageHost {
    /** The request attribute {@code page.jelly} reads the page from. */
    static final String PAGE = "rebuildCauses.page";

    private static final Logger LOG = Logger.getLogger(PageHost.class.getName());

    private PageHost() {}

    /** What a page needs to be answered. */
    @FunctionalInterface
    interface Request {
        Answer answer(PluginSite site, String root) throws RefreshException, IOException;
    }

    /** Answers with {@code request}'s answer; the page is drawn by {@code it}'s {@code page.jelly}. */
    static void serve(Object it, StaplerRequest request, StaplerResponse response, Request what)
            throws IOException, ServletException {
        HudsonFacade.checkRead();
        Answer answer = answer(request, what);
        response.setStatus(answer.status());
        if (answer instanceof Answer.Body body) {
            response.setContentType(body.contentType());
            response.setHeader("X-Content-Type-Options", "nosniff");
            if (body.attachment() != null) {
                response.setHeader("Content-Disposition", "attachment; filename=\"" + body.attachment() + "\"");
            }
            response.setContentLength(body.body().length);
            response.getOutputStream().write(body.body());
            return;
        }
        request.setAttribute(PAGE, answer);
        request.getView(it, "page.jelly").forward(request, response);
    }

    /** The plugin's pages' root path, ending in {@code /}. */
    static String root(StaplerRequest request) {
        return request.getContextPath() + "/" + RebuildCauses.URL_NAME + "/";
    }

    /** The first value of each query parameter. */
    static Map<String, String> parameters(StaplerRequest request) {
        Map<String, String> parameters = new HashMap<>();
        for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
            if (entry.getValue().length > 0) {
                parameters.put(entry.getKey(), entry.getValue()[0]);
            }
        }
        return parameters;
    }

    private static Answer answer(StaplerRequest request, Request what) {
        Optional<RebuildCauses> core = PluginState.running();
        if (core.isEmpty()) {
            return message(503, "Rebuild causes is not running: see the server log and the global configuration.");
        }
        // JTE loads its precompiled templates through the thread's context class loader, which on a
        // request thread is the server's: point it at the plugin's while answering
        Thread thread = Thread.currentThread();
        ClassLoader serverLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(PageHost.class.getClassLoader());
        try {
            return what.answer(core.get().site(), root(request));
        } catch (RefreshException | IOException | RuntimeException e) { // the page says so; the server goes on
            LOG.log(Level.WARNING, "Rebuild causes: cannot answer " + request.getRequestURI(), e);
            return message(500, "This page could not be drawn: " + e.getMessage());
        } finally {
            thread.setContextClassLoader(serverLoader);
        }
    }

    private static Answer message(int status, String text) {
        return new Answer.Page(
                status,
                "<div class=\"rebuild-causes-page\" id=\"rebuild-causes\"><p class=\"error\">" + escape(text)
                        + "</p></div>",
                false,
                0,
                List.of());
    }

    private static String escape(String text) {
        StringOutput out = new StringOutput();
        Escape.htmlContent(text, out);
        return out.toString();
    }
}
